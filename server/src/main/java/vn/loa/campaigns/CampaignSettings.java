package vn.loa.campaigns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaigns ({@code loa.campaigns.*}).
 *
 * @param smsPricePerSegment what one SMS part costs, in đồng (a brand-name SMS costs several hundred đồng; set the
 *        provider's price); 0 to 100000
 * @param syllablesPerMinute the loudspeaker reader's pace: Vietnamese read aloud clearly runs at about 150 to 170
 *        syllables a minute, 160 by default (a written syllable is a word between spaces); 60 to 400
 * @param billboardMaxChars the most characters on one billboard line; 8 to 200
 * @param billboardMaxLines the most lines a billboard shows; 1 to 20
 * @param facebookMaxLength the longest Facebook Page post, hashtags and link included (Facebook's own limit is 63,206
 *        characters); 100 to 63206
 * @param zaloMaxLength the longest Zalo Official Account message, hashtags and link included; set it to the limit of
 *        the account's message type (2,000 by default); 100 to 63206
 * @param audioMaxBytes the largest audio file uploaded; 1 KB to 100 MB
 * @param espeakCommand the eSpeak NG program (a name on the PATH or a path)
 * @param speechTimeoutSeconds how long synthesis may take before it is stopped; 1 to 600
 */
@ConfigurationProperties("loa.campaigns")
public record CampaignSettings(@DefaultValue("800") long smsPricePerSegment, @DefaultValue("160") int syllablesPerMinute,
        @DefaultValue("24") int billboardMaxChars, @DefaultValue("4") int billboardMaxLines,
        @DefaultValue("63206") int facebookMaxLength, @DefaultValue("2000") int zaloMaxLength,
        @DefaultValue("10485760") long audioMaxBytes,
        @DefaultValue("espeak-ng") String espeakCommand, @DefaultValue("30") int speechTimeoutSeconds) {

    public CampaignSettings {
        check(smsPricePerSegment >= 0 && smsPricePerSegment <= 100_000, "sms-price-per-segment", smsPricePerSegment);
        check(syllablesPerMinute >= 60 && syllablesPerMinute <= 400, "syllables-per-minute", syllablesPerMinute);
        check(billboardMaxChars >= 8 && billboardMaxChars <= 200, "billboard-max-chars", billboardMaxChars);
        check(billboardMaxLines >= 1 && billboardMaxLines <= 20, "billboard-max-lines", billboardMaxLines);
        check(facebookMaxLength >= 100 && facebookMaxLength <= 63_206, "facebook-max-length", facebookMaxLength);
        check(zaloMaxLength >= 100 && zaloMaxLength <= 63_206, "zalo-max-length", zaloMaxLength);
        check(audioMaxBytes >= 1024 && audioMaxBytes <= 100L * 1024 * 1024, "audio-max-bytes", audioMaxBytes);
        check(espeakCommand != null && !espeakCommand.isBlank(), "espeak-command", espeakCommand);
        check(speechTimeoutSeconds >= 1 && speechTimeoutSeconds <= 600, "speech-timeout-seconds", speechTimeoutSeconds);
    }

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("loa.campaigns." + name + " is out of bounds: " + value);
        }
    }
}
