package vn.loa.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where to open Loa once the web server is ready (commands without a web server say nothing). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10) // before the demo accounts are named
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final Environment environment;

    ReadyMessage(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhereToOpen() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
        String path = environment.getProperty("server.servlet.context-path", "");
        log.info("Loa is ready: open " + (tls ? "https" : "http") + "://localhost:" + port + path + "/ in a browser");
    }
}
