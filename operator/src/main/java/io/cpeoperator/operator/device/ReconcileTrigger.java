package io.cpeoperator.operator.device;

/** Asks for the resource to be reconciled again, e.g. when a device operation started by a reconcile finished. */
@FunctionalInterface
public interface ReconcileTrigger {
    void lookAgain();
}
