package io.cpeoperator.simulator; public final class SimulatorMain { public static void main(String[] a) {} }
