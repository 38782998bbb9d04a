import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step (run by exec-maven-plugin right after fabric8's crd-generator): puts the CRD's
 * additionalPrinterColumns in the order kubectl should show them. The generator sorts them by jsonPath
 * and has no way to order them (fabric8io/kubernetes-client#7454).
 * Usage: java ReorderPrinterColumns.java CRD_FILE NAME...
 */
public class ReorderPrinterColumns {
    public static void main(String[] args) throws IOException {
        Path crd = Path.of(args[0]);
        List<String> order = Arrays.asList(args).subList(1, args.length);
        List<String> lines = Files.readAllLines(crd);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            i++;
            if (!line.strip().equals("- additionalPrinterColumns:")) {
                continue;
            }
            String itemIndent = " ".repeat(line.indexOf('-') + 2);
            List<List<String>> columns = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith(itemIndent + "- ")) {
                List<String> column = new ArrayList<>(List.of(lines.get(i++)));
                while (i < lines.size() && lines.get(i).startsWith(itemIndent + "  ")) {
                    column.add(lines.get(i++));
                }
                columns.add(column);
            }
            columns.sort(Comparator.comparingInt(c -> rank(order, name(c))));
            columns.forEach(out::addAll);
        }
        Files.write(crd, out);
    }

    private static String name(List<String> column) {
        for (String line : column) {
            String field = line.strip().replaceFirst("^- ", "");
            if (field.startsWith("name:")) {
                return field.substring("name:".length()).strip().replace("\"", "");
            }
        }
        return "";
    }

    private static int rank(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? order.size() : index;
    }
}
