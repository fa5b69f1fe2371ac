package org.cooperationdesk.training;

/**
 * Read-only lookups the model uses in input mappings to show who a place is for
 * ({@code ${traineeDisplay.name(placeNominationId)}}).
 */
public class TraineeDisplay {

    private final CourseLifecycle courses;

    TraineeDisplay(CourseLifecycle courses) {
        this.courses = courses;
    }

    public String name(Object nominationId) {
        return courses.nomination(Long.parseLong(nominationId.toString())).fullName();
    }

    public String country(Object nominationId) {
        return courses.countryName(courses.nomination(Long.parseLong(nominationId.toString())).countryCode());
    }
}
