package vn.loa.listening.internal;

import java.time.Clock;
import java.time.Instant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At the server's start, an import left unfinished by a process that died (SIGKILL, a power cut) is marked
 * interrupted, so that the imports page says what happened instead of showing it running. Only imports started
 * before this process are marked; the command line ({@code bin/loa import}) marks nothing, since the server may be
 * running an import beside it. Should a process that still runs finish an import marked so (a second server on the
 * same database), its finish wins: a finished import is shown finished.
 */
@Component
@ConditionalOnWebApplication
class InterruptedImports {

    private static final Log log = LogFactory.getLog(InterruptedImports.class);

    private final JdbcFeedSources imports;
    private final Clock clock;
    private final Instant started;

    InterruptedImports(JdbcFeedSources imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void markThoseOfProcessesGone() {
        int marked = imports.markInterrupted(started, clock.instant());
        if (marked > 0) {
            log.warn(marked + (marked == 1 ? " import was" : " imports were")
                    + " left unfinished by a stopped process and are marked interrupted (see the imports page)");
        }
    }
}
