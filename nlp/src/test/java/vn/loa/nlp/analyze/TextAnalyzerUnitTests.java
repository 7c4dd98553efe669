package vn.loa.nlp.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextAnalyzerUnitTests {

    static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    @Test
    void analysesACitizensComplaintEndToEnd() {
        String text = "Ko biết BV tỉnh Ninh Thuận có khám BHYT ko mn ơi 😭 Sở Y tế trả lời đi :((";
        Analysis analysis = ANALYZER.analyze(text, LocalDate.of(2024, 3, 1));
        assertThat(analysis.normalized()).startsWith("không biết bệnh viện tỉnh ninh thuận có khám bảo hiểm y tế không");
        assertThat(analysis.places()).extracting(m -> text.substring(m.start(), m.end())).containsExactly("tỉnh Ninh Thuận");
        assertThat(analysis.agencies()).extracting(m -> m.entry().id()).containsExactly("SYT");
        assertThat(analysis.words()).extracting(w -> text.substring(w.start(), w.end())).contains("Ninh Thuận", "Y tế", "trả lời");
        assertThat(analysis.toxicity().label()).isEqualTo("CLEAN");
        assertThat(analysis.topic().label()).isEqualTo("Suc khoe");
        assertThat(analysis.fingerprint()).isNotZero();
    }

    @Test
    void anEmptyTextGivesAnEmptyAnalysis() {
        Analysis analysis = ANALYZER.analyze("", LocalDate.of(2024, 3, 1));
        assertThat(analysis.tokens()).isEmpty();
        assertThat(analysis.words()).isEmpty();
        assertThat(analysis.places()).isEmpty();
        assertThat(analysis.sentiment().probabilities()).hasSize(3);
    }
}
