package org.cooperationdesk.training;

/**
 * Read-only lookups the model uses in input mappings to show who a place is for
 * ({@code ${traineeDisplay.name(placeNominationId)}}).
 */
public class TraineeDisplay {

    private final TrainingService training;

    TraineeDisplay(TrainingService training) {
        this.training = training;
    }

    public String name(Object nominationId) {
        return training.nomination(Long.parseLong(nominationId.toString())).fullName();
    }

    public String country(Object nominationId) {
        return training.countryName(training.nomination(Long.parseLong(nominationId.toString())).countryCode());
    }
}
