package org.openpetition.notification.service.template;

import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.notification.service.NoticeWords;

/** RECEIPT: the registered petition, its tracking code and query secret. */
public record ReceiptData(String trackingCode, String trackingUrl, String querySecret, String receivedAt,
                          String channelZh, String channelEn) implements NoticeData {

    public static ReceiptData of(PetitionerContactV1 c, NoticeWords words) {
        return new ReceiptData(c.trackingCode(), words.trackingUrl(), c.querySecret(), words.time(c.receivedAt()),
                words.channelZh(c.channel()), words.channelEn(c.channel()));
    }
}
