package org.openpetition.intake.rest;

import org.openpetition.intake.Channel;
import org.openpetition.intake.Petition;
import org.openpetition.intake.Petitioner;

/** Maps between the API models and the entity. */
final class PetitionMapper {

    private PetitionMapper() {
    }

    static Petition toEntity(SubmitPetitionRequest request, Channel channel) {
        Petition petition = new Petition();
        petition.channel = channel;
        petition.kind = request.kind();
        petition.subjectCategory = request.subjectCategory();
        petition.localityCode = request.localityCode();
        petition.addressText = request.addressText();
        petition.title = request.title().strip();
        petition.content = request.content().strip();
        petition.eventDate = request.eventDate();
        for (SubmitPetitionRequest.PetitionerInput input : request.petitioners()) {
            Petitioner petitioner = new Petitioner();
            petitioner.name = input.name().strip();
            petitioner.phone = input.phone();
            petitioner.address = input.address();
            petition.addPetitioner(petitioner);
        }
        return petition;
    }

    static PetitionReceipt toReceipt(Petition petition) {
        return new PetitionReceipt(petition.id, petition.trackingCode, petition.status.name(), petition.receivedAt);
    }

    static PetitionView toView(Petition petition, int petitionerCount) {
        return new PetitionView(petition.id, petition.trackingCode, petition.channel.name(), petition.kind.name(),
                petition.subjectCategory, petition.localityCode, petition.title, petition.eventDate, petitionerCount,
                petition.status.name(), petition.receivedAt, petition.registeredBy);
    }
}
