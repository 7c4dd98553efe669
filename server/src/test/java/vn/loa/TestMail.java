package vn.loa;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;

/**
 * The test mail server on the port the test settings send to: a real SMTP server (GreenMail) on this machine, set up in
 * one place. The port is 39251, so two test runs on one machine at once fail to start it ("Could not start mail
 * server"): run one suite at a time, or give the second run a port of its own with {@code -Dloa.test.mail-port=N}
 * (read here and by {@code spring.mail.port} in the test settings).
 */
public final class TestMail {

    /** The port of {@code spring.mail.port} in the test settings. */
    public static final int PORT = Integer.getInteger("loa.test.mail-port", 39251);

    private TestMail() {
    }

    /** A mail server, not yet started. */
    public static GreenMail smtp() {
        ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        return new GreenMail(setup);
    }

    /**
     * The first message the server received for {@code to} whose subject contains {@code subjectPart}, waiting up to
     * 20 s for each message to come; null if none came.
     */
    public static MimeMessage received(GreenMail smtp, String to, String subjectPart) {
        MimeMessage found = null;
        for (int count = 1; found == null && smtp.waitForIncomingEmail(20_000, count); count++) {
            found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subjectPart);
                } catch (MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
        return found;
    }
}
