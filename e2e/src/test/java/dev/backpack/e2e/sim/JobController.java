package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Job controller: creates {@code parallelism} pods from the template and keeps the Job's status counts. */
final class JobController {
    static final String JOB_NAME_LABEL = "job-name";

    private final KubernetesClient client;
    private final Scheduler scheduler;

    JobController(KubernetesClient client, Scheduler scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    void sync() {
        for (Job job : client.batch().v1().jobs().inAnyNamespace().list().getItems()) {
            if (job.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            String ns = job.getMetadata().getNamespace();
            List<Pod> pods = client.pods().inNamespace(ns).withLabel(JOB_NAME_LABEL, job.getMetadata().getName()).list().getItems()
                    .stream().filter(p -> ownedBy(p, job)).toList();
            int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
            int completions = job.getSpec().getCompletions() == null ? parallelism : job.getSpec().getCompletions();
            for (int i = pods.size(); i < Math.min(parallelism, completions); i++) {
                createPod(job, i);
            }
            updateStatus(job, pods, completions);
        }
    }

    private static boolean ownedBy(Pod pod, Job job) {
        return pod.getMetadata().getOwnerReferences() != null && pod.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> Objects.equals(o.getUid(), job.getMetadata().getUid()));
    }

    private void createPod(Job job, int index) {
        Map<String, String> labels = new HashMap<>();
        if (job.getSpec().getTemplate().getMetadata() != null && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put(JOB_NAME_LABEL, job.getMetadata().getName());
        labels.put("controller-uid", job.getMetadata().getUid());
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(job.getMetadata().getName() + "-" + index + "-" + Integer.toHexString((int) (Math.random() * 0xfffff)))
                        .withNamespace(job.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(job.getSpec().getTemplate().getMetadata() == null ? null
                                : job.getSpec().getTemplate().getMetadata().getAnnotations())
                        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                                .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid())
                                .withController(true).withBlockOwnerDeletion(true).build())
                        .build())
                .withSpec(job.getSpec().getTemplate().getSpec())
                .build();
        scheduler.pick(pod.getSpec()).ifPresent(pod.getSpec()::setNodeName);
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private void updateStatus(Job job, List<Pod> pods, int completions) {
        int succeeded = (int) pods.stream().filter(p -> phase(p, "Succeeded")).count();
        int failed = (int) pods.stream().filter(p -> phase(p, "Failed")).count();
        int active = pods.size() - succeeded - failed;
        JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
        if (Objects.equals(old.getSucceeded(), succeeded) && Objects.equals(old.getFailed(), failed)
                && Objects.equals(old.getActive(), active) && !pods.isEmpty()) {
            return;
        }
        client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .editStatus(j -> {
                    JobStatus s = j.getStatus() == null ? new JobStatus() : j.getStatus();
                    s.setActive(active);
                    s.setSucceeded(succeeded);
                    s.setFailed(failed);
                    if (s.getStartTime() == null) {
                        s.setStartTime(Instant.now().toString());
                    }
                    if (succeeded >= completions) {
                        s.setConditions(List.of(condition("Complete")));
                        s.setCompletionTime(Instant.now().toString());
                    } else if (failed > 0 && active == 0) {
                        s.setConditions(List.of(condition("Failed")));
                    }
                    j.setStatus(s);
                    return j;
                });
    }

    private static JobCondition condition(String type) {
        return new JobConditionBuilder().withType(type).withStatus("True").withLastTransitionTime(Instant.now().toString()).build();
    }

    private static boolean phase(Pod pod, String phase) {
        return pod.getStatus() != null && phase.equals(pod.getStatus().getPhase());
    }
}
