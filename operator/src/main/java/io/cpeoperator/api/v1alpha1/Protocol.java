package io.cpeoperator.api.v1alpha1;

/** The management protocol of a device. */
public enum Protocol {
    CWMP,
    USP
}
