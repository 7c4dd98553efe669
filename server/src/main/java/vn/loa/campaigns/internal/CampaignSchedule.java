package vn.loa.campaigns.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.Messages;
import vn.loa.platform.DemoReplay;

/**
 * Every minute: hands the scheduled messages whose time has come (by the application's clock) to publishing; not while
 * the demo's past is being recorded ({@link DemoReplay#story}).
 */
@Component
class CampaignSchedule {

    private final Messages messages;

    CampaignSchedule(Messages messages) {
        this.messages = messages;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void publishDue() {
        DemoReplay.unlessTelling(messages::publishDue);
    }
}
