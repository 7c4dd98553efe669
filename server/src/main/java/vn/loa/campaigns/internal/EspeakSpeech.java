package vn.loa.campaigns.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.CampaignSettings;

/**
 * Vietnamese speech synthesis with eSpeak NG ({@code espeak-ng -v vi -w out.wav -f script.txt}), run as a process
 * without a shell, the script passed in a file, stopped after the configured timeout. Its voice is plainly synthetic:
 * Loa labels every such file so.
 */
@Component
class EspeakSpeech {

    private final CampaignSettings settings;
    private volatile Boolean available;

    EspeakSpeech(CampaignSettings settings) {
        this.settings = settings;
    }

    /** Whether the program runs here (checked once). */
    boolean available() {
        Boolean known = available;
        if (known == null) {
            try {
                Process p = new ProcessBuilder(settings.espeakCommand(), "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                known = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
                if (!known) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                known = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                known = false;
            }
            available = known;
        }
        return known;
    }

    /** The script read aloud as WAV. @throws IOException when the program is missing, fails or runs too long */
    byte[] wav(String script) throws IOException {
        Path dir = Files.createTempDirectory("loa-speech");
        Path in = dir.resolve("script.txt");
        Path out = dir.resolve("speech.wav");
        try {
            Files.writeString(in, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(settings.espeakCommand(), "-v", "vi", "-w", out.toString(), "-f", in.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done;
            try {
                done = p.waitFor(settings.speechTimeoutSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("espeak-ng ran longer than " + settings.speechTimeoutSeconds() + " s");
            }
            if (p.exitValue() != 0 || !Files.exists(out) || Files.size(out) == 0) {
                throw new IOException("espeak-ng failed with exit code " + p.exitValue());
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }
}
