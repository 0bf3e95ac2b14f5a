package org.openpetition.notification.service;

import io.smallrye.mutiny.Uni;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/** Hands a message to one channel; fails with {@link PermanentFailure} when retrying cannot help. */
public interface ChannelSender {

    Uni<Void> send(Claimed message);

    /** The channel refused the message for good (a bad number, a rejected request): no retry. */
    class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message);
        }
    }
}
