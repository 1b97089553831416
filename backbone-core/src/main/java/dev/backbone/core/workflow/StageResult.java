package dev.backbone.core.workflow;

/**
 * What a stage of the {@link Workflow} returns: it says itself whether the stage succeeded, so
 * the workflow reports each stage's outcome from its result alone.
 */
public interface StageResult {

    /** Whether the stage did what it is for (a valid document, a plan, files, checks that passed). */
    boolean succeeded();
}
