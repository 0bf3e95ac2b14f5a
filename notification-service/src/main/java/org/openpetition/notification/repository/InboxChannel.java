package org.openpetition.notification.repository;

/** The PostgreSQL NOTIFY channel on which a stored inbox message is announced ("&lt;id&gt; &lt;owner&gt;"). */
public final class InboxChannel {

    public static final String NAME = "inbox_message";

    private InboxChannel() {
    }
}
