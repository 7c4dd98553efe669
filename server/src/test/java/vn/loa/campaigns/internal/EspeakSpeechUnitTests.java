package vn.loa.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.CampaignSettings;

class EspeakSpeechUnitTests {

    private static CampaignSettings settings(String command) {
        return new CampaignSettings(800, 160, 24, 4, 63_206, 2000, 10_485_760, command, 30);
    }

    @Test
    void readsAVietnameseScriptAsWav() throws IOException {
        EspeakSpeech speech = new EspeakSpeech(settings("espeak-ng"));
        assertThat(speech.available()).as("espeak-ng is installed here and in CI").isTrue();
        byte[] wav = speech.wav("Kính thưa bà con, Sở Y tế thông báo.");
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    }

    @Test
    void theScriptIsNeverReadByAShell() throws IOException {
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "loa-speech-" + System.nanoTime());
        new EspeakSpeech(settings("espeak-ng")).wav("Bà con chú ý $(touch " + marker + ") `touch " + marker + "`; touch "
                + marker);
        assertThat(marker).doesNotExist();
    }

    @Test
    void saysSoWhenTheProgramIsMissing() {
        EspeakSpeech missing = new EspeakSpeech(settings("/nonexistent/espeak-ng"));
        assertThat(missing.available()).isFalse();
        assertThatThrownBy(() -> missing.wav("Xin chào")).isInstanceOf(IOException.class);
        assertThat(Files.exists(Path.of("/nonexistent"))).isFalse();
    }
}
