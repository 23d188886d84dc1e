package io.cpeoperator.simulator.cwmp;

/** What RPC handling asks of the CPE's session scheduling. */
interface CwmpSessionTrigger {

    /** ScheduleInform: a session with "3 SCHEDULED" and "M ScheduleInform" after the delay. */
    void scheduled(long delaySeconds, String commandKey);

    /** A failed download: a session with "7 TRANSFER COMPLETE" now. */
    void transferCompleted();

    /** PeriodicInformInterval or -Enable may have changed, and values changed by the ACS are not to be notified. */
    void periodicSettingsChanged();

    /** A diagnostic the ACS requested has completed: a session with "8 DIAGNOSTICS COMPLETE". */
    void diagnosticsCompleted();

    /** Notification attributes changed: watch from the current values on. */
    void notificationsChanged();
}
