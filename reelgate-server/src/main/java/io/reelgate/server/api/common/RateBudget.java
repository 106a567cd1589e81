package io.reelgate.server.api.common;

/** The per-key budgets a request can spend ({@code reelgate.rate-limit.submit}, {@code reelgate.rate-limit.status}). */
public enum RateBudget { SUBMIT, STATUS }
