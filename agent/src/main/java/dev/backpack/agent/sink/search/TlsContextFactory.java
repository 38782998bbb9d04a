package dev.backpack.agent.sink.search;

import dev.backpack.contract.AgentFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/** Builds the {@link SSLContext} for {@link TlsSettings}. */
final class TlsContextFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContextFactory.class);

    private TlsContextFactory() {
    }

    static SSLContext create(TlsSettings settings, ServerAddress address) {
        try {
            if (settings.insecureSkipVerify()) {
                LOG.warn("TLS certificate verification is OFF for {} ({}): anyone on the path can read and change "
                        + "what is indexed, credentials included. Pass the CA with {} instead.", address,
                        AgentFlags.INSECURE_SKIP_VERIFY, AgentFlags.CACERT);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[]{new TrustEverything()}, new SecureRandom());
                return context;
            }
            if (settings.caCert() == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(settings.caCert())) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (IOException e) {
                throw new IllegalArgumentException(AgentFlags.CACERT + " " + settings.caCert() + " cannot be read ("
                        + ReadFailure.describe(e) + "); mount the CA bundle there or fix the path");
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(AgentFlags.CACERT + " " + settings.caCert()
                        + " holds no PEM certificate; it must contain -----BEGIN CERTIFICATE----- blocks");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException(AgentFlags.CACERT + " " + settings.caCert()
                    + " is not a PEM certificate bundle: " + e.getMessage());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Only for {@code --insecure-skip-verify}, which the user asked for explicitly and is warned about. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
