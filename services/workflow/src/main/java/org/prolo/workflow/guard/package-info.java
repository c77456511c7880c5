/**
 * The engine's guard: every task accepts exactly its own outputs, people change no fact
 * outside a completion, claim only for themselves and are given tasks only by a clinic
 * lead and only for their own groups (rules in lifecycle.TaskCommandPolicy).
 */
package org.prolo.workflow.guard;
