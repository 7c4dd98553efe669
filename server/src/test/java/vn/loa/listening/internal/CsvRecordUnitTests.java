package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvRecordUnitTests {

    @Test
    void splitsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws RejectedLine {
        assertThat(CsvRecord.fields("x,\"Đường tối, không có đèn\nrất nguy hiểm\",\"Trần \"\"B\"\"\","))
                .containsExactly("x", "Đường tối, không có đèn\nrất nguy hiểm", "Trần \"B\"", "");
    }

    @Test
    void keepsQuotesInsideAnUnquotedFieldAndTextAfterAClosingQuoteAsSpreadsheetsDo() throws RejectedLine {
        assertThat(CsvRecord.fields("ab\"c, \"d\" ,\"e\"f")).containsExactly("ab\"c", " \"d\" ", "ef");
    }

    @Test
    void saysARecordGoesOnWhenAQuotedFieldIsStillOpen() throws RejectedLine {
        assertThat(CsvRecord.fields("x,\"Đường tối")).isNull();
        assertThat(CsvRecord.fields("x,\"a\"\"")).as("a doubled quote does not close the field").isNull();
    }

    @Test
    void refusesALineThatACarriageReturnSplitsIntoTwoRecords() {
        assertThatThrownBy(() -> CsvRecord.fields("a,b\rc,d")).isInstanceOf(RejectedLine.class)
                .hasMessageContaining("carriage return");
    }
}
