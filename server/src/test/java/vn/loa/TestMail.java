package vn.loa;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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
}
