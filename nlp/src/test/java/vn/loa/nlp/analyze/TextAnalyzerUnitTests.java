package vn.loa.nlp.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.classify.Task;

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
    void whatANewsSitePublishesIsCleanByRuleAndEveryOtherTextIsReadByTheToxicityModel() {
        LinearClassifier model = LinearClassifier.loadResource(Task.TOXICITY.resource());
        LocalDate day = LocalDate.of(2024, 3, 1);
        // a news sentence of the province corpus that the model, taught on comments only, read as toxic
        String report = "Mức lương tối thiểu mới này sẽ là căn cứ tính các mức lương trong thang lương, bảng lương, "
                + "các loại phụ cấp lương, các mức lương ghi trong hợp đồng lao động...";
        String insult = "Bọn mày là lũ súc vật, đáng chết hết";
        for (String text : List.of(report, insult)) {
            Prediction published = ANALYZER.analyze(text, day, Register.Hint.NEWS).toxicity();
            assertThat(published.label()).isEqualTo(TextAnalyzer.CLEAN);
            assertThat(published.confidence()).isEqualTo(1.0);
            assertThat(published.labels()).containsExactly(model.labels());
            for (Register.Hint hint : List.of(Register.Hint.SOCIAL, Register.Hint.FEEDBACK, Register.Hint.UNKNOWN)) {
                Prediction read = ANALYZER.analyze(text, day, hint).toxicity();
                Prediction expected = model.predict(text);
                assertThat(read.label()).as(hint + ": " + text).isEqualTo(expected.label());
                assertThat(read.probabilities()).as(hint + ": " + text).containsExactly(expected.probabilities());
            }
        }
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
