package dev.portcullis.ingest.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void rfc4180Cells() {
        assertThat(Csv.split("a,\"b,c\",\"say \"\"hi\"\"\",,")).containsExactly("a", "b,c", "say \"hi\"", "", "");
        assertThat(Csv.split("")).containsExactly("");
        assertThat(Csv.split("\"\"")).containsExactly("");
        assertThat(Csv.split("\"multi\nline\",x")).containsExactly("multi\nline", "x");
    }

    @Test
    void sloppyExportsAreReadLeniently() {
        assertThat(Csv.split("ab\"c,d")).containsExactly("ab\"c", "d");
        assertThat(Csv.split("\"ab\"c,d")).containsExactly("abc", "d");
    }

    @Test
    void anOpenQuoteMeansTheRecordContinues() {
        assertThat(Csv.split("a,\"b")).isNull();
        assertThat(Csv.split("a,\"b\"\"")).isNull();
    }

    @Test
    void cellsBeyondTheBoundAreDropped() {
        String row = ",".repeat(Csv.MAX_CELLS + 100);
        assertThat(Csv.split(row)).hasSize(Csv.MAX_CELLS);
    }
}
