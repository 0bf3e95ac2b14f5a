package org.openpetition.notification.service;

import java.util.Set;
import org.openpetition.notification.Channel;

/**
 * One person or unit to tell, with an address per channel (null where there is none).
 *
 * @param key        who it is: user:&lt;subject&gt;, petitioner:&lt;case&gt;/&lt;n&gt;, unit:&lt;code&gt;, leader:&lt;id&gt;
 * @param name       how the message addresses them
 * @param language   "zh" or "en": the language they read first
 * @param email      email address
 * @param phone      mobile number for SMS
 * @param inboxOwner the in-app inbox (same form as the key), or null
 * @param wanted     the channels they asked for (before their stored preference applies)
 */
public record Recipient(String key, String name, String language, String email, String phone, String inboxOwner,
                        Set<Channel> wanted) {
}
