package dev.backpack.operator.status;

import dev.backpack.model.v1alpha1.BenchmarkState;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

import java.util.Collection;
import java.util.Optional;

/**
 * The benchmark's own progress, from the Jobs it created: Complete when every Job completed, Failed as
 * soon as one failed. Workloads without Jobs (a Deployment, a StatefulSet) stay Running until deleted.
 */
public record WorkloadProgress(String state, String message) {

    public static WorkloadProgress of(Collection<Job> jobs) {
        if (jobs.isEmpty()) {
            return new WorkloadProgress(BenchmarkState.RUNNING, "workload created");
        }
        int complete = 0;
        for (Job job : jobs) {
            Optional<JobCondition> failed = condition(job, "Failed");
            if (failed.isPresent()) {
                return new WorkloadProgress(BenchmarkState.FAILED, "Job " + job.getMetadata().getName() + " failed: "
                        + Optional.ofNullable(failed.get().getMessage()).orElse(
                        Optional.ofNullable(failed.get().getReason()).orElse("no reason given")));
            }
            if (condition(job, "Complete").isPresent()) {
                complete++;
            }
        }
        if (complete == jobs.size()) {
            return new WorkloadProgress(BenchmarkState.COMPLETE, "workload complete");
        }
        return new WorkloadProgress(BenchmarkState.RUNNING, complete + " of " + jobs.size() + " Jobs complete");
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }
}
