// What ICU4J's MessageFormat makes of ICU messages:
// java -cp icu4j.jar FormatIcu.java LOCALE < records
// Each record is a line "message<TAB>name=value<TAB>...", its message and values written as
// backslash-u escapes; a value of digits is a number. Prints each record's formatted text as
// backslash-u escapes, or "ERROR <exception>".
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public class FormatIcu {
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    static String unescaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 6) {
            out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        ULocale locale = new ULocale(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            Map<String, Object> values = new HashMap<>();
            for (int i = 1; i < fields.length; i++) {
                String[] pair = fields[i].split("=", 2);
                String value = unescaped(pair[1]);
                values.put(pair[0], value.matches("[0-9]+") ? (Object) Long.parseLong(value) : value);
            }
            try {
                System.out.println(escaped(new MessageFormat(unescaped(fields[0]), locale).format(values)));
            } catch (Exception error) {
                System.out.println("ERROR " + error);
            }
        }
    }
}
