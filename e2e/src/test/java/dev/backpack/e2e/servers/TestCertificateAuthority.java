package dev.backpack.e2e.servers;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A certificate authority made at test time (no key material in the repository), and the server
 * certificates it issues for {@code localhost} / {@code 127.0.0.1}. {@link #certificatePem()} is what a
 * user passes with {@code --cacert}; a second, unrelated authority is an "unknown CA".
 */
public final class TestCertificateAuthority {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path dir;

    /** A new CA named {@code CN=<commonName>}, writing its files into {@code dir}. */
    public TestCertificateAuthority(String commonName, Path dir) {
        this.name = new X500Name("CN=" + commonName);
        this.keys = newKeyPair();
        this.dir = dir;
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            this.certificate = sign(builder);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }

    /** The CA certificate as a PEM file: the {@code --cacert} of a user. */
    public Path certificatePem() {
        return write("ca-" + Integer.toHexString(name.hashCode()) + ".crt", pem(certificate));
    }

    /** Trust in this CA only, for the tests' own HTTP calls. */
    public SSLContext trustingContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the test CA", e);
        }
    }

    /** A server certificate for localhost and 127.0.0.1 and its PKCS#8 key, as PEM files in {@code target}. */
    public ServerCertificate issueServerCertificate(Path target) {
        KeyPair server = newKeyPair();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                    new BigInteger(64, RANDOM), Date.from(Instant.now().minus(Duration.ofHours(1))),
                    Date.from(Instant.now().plus(Duration.ofDays(2))), new X500Name("CN=localhost"), server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(server.getPublic()));
            X509Certificate issued = sign(builder);
            StringWriter key = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(key)) {
                writer.writeObject(new JcaPKCS8Generator(server.getPrivate(), null));
            }
            Files.createDirectories(target);
            Path certificateFile = Files.writeString(target.resolve("node.crt"), pem(issued) + pem(certificate));
            Path keyFile = Files.writeString(target.resolve("node.key"), key.toString());
            return new ServerCertificate(certificateFile, keyFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a test server certificate", e);
        }
    }

    /** PEM files of a server certificate (with the CA after it) and its private key. */
    public record ServerCertificate(Path certificateChain, Path privateKey) {
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name subject, KeyPair keys) {
        return new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM),
                Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(2))),
                subject, keys.getPublic());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC key generator in this JDK", e);
        }
    }

    private static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Path write(String file, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " into " + dir, e);
        }
    }
}
