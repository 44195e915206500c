package bifrostconsole.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV for the result list and History: a header row, then one row per item, quoted where needed. Key names come
 * from the server, so a cell that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab, carriage return first) gets a leading apostrophe.
 */
final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        List<Map<String, String>> maps = rows.stream().map(row -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), neutralized(i < row.size() ? row.get(i) : ""));
            }
            return map;
        }).toList();
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(maps);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String neutralized(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
