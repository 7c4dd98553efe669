package vn.loa.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must only follow committed data: an e-mail about it, a sign that cached reads of it are older. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the work after the current transaction commits (never if it rolls back), or at once when there is none. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
