package org.openpetition.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.notification.repository.DeliveryStore.Claimed;

/** Email through SMTP (Quarkus Mailer). The message id travels in a header, for tracing a complaint. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Uni<Void> send(Claimed message) {
        return mailer.send(Mail.withText(message.recipient(), message.subject(), message.body())
                .addHeader("X-Petition-Notification", message.id().toString()));
    }
}
