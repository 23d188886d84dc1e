package io.cpeoperator.operator; public final class Main { public static void main(String[] a) {} }
