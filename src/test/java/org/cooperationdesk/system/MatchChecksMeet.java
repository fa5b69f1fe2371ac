package org.cooperationdesk.system;

/** Makes the two match forms' checks wait for each other, so both see the expert free before either reserves. */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
class MatchChecksMeet {

    private static volatile java.util.concurrent.CyclicBarrier barrier;

    static void arm(int parties) {
        barrier = new java.util.concurrent.CyclicBarrier(parties);
    }

    static void disarm() {
        barrier = null;
    }

    @org.springframework.context.annotation.Bean
    org.cooperationdesk.form.FormRules matchChecksMeet() {
        return new org.cooperationdesk.form.FormRules() {
            @Override
            public java.util.Set<String> formIds() {
                return java.util.Set.of("match-expert");
            }

            @Override
            public void check(org.cooperationdesk.form.FormSubmission submission) {
                java.util.concurrent.CyclicBarrier meeting = barrier;
                if (meeting != null) {
                    try {
                        meeting.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("The other submission never came", e);
                    }
                }
            }
        };
    }
}

