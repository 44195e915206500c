package bifrostconsole.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads exported CSV back with Jackson's CSV parser, as a spreadsheet or a script would: header row included. */
public final class CsvRows {
    private CsvRows() {
    }

    public static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(List.of(it.next()));
            }
        }
        return rows;
    }

    public static List<List<String>> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** The first column of every row after the header: the key ids, in file order. */
    public static List<String> ids(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
    }
}
