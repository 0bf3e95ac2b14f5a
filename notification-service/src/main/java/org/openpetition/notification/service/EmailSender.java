package org.openpetition.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/**
 * Email through SMTP: Quarkus Mailer's mail client (its {@code quarkus.mailer.*} server, pool, TLS and
 * credentials), given the message {@link MimeNotice} encoded. The message id travels in a header, for
 * tracing a complaint. Because the message is encoded here, Quarkus Mailer's mock mode and approved-recipient
 * filter do not apply: the local run and the tests send to a real SMTP server on loopback.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final MailClient client;
    private final MimeNotice mime;

    public EmailSender(MailClient client, MimeNotice mime) {
        this.client = client;
        this.mime = mime;
    }

    @Override
    public Uni<Void> send(Claimed message) {
        return client.sendMail(mime.encode(message)).replaceWithVoid();
    }
}
