package org.openpetition.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpetition.notification.RecipientPreference;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<RecipientPreference, String> {
}
