// What Java itself reads from a .properties file: java LoadProperties.java FILE [utf8]
// prints "key<TAB>value<TAB>MessageFormat.format(value, "A")" a line, every character of the
// value and the formatted text as backslash-u escapes (so that Python reads them unambiguously).
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;

public class LoadProperties {
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            if (args.length > 1 && args[1].equals("utf8")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } else {
                properties.load(in); // ISO-8859-1, as Properties.load(InputStream) reads
            }
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key);
            String formatted;
            try {
                formatted = escaped(MessageFormat.format(value, "A"));
            } catch (IllegalArgumentException e) {
                formatted = "ERROR";
            }
            System.out.println(key + "\t" + escaped(value) + "\t" + formatted);
        }
    }
}
