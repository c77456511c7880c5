/**
 * Camunda's REST APIs (engine-rest and the webapps' engine API behind Tasklist) answer a
 * task completion refused by TaskInputValidation with 400 and its message instead of 500.
 */
package org.prolo.workflow.taskapi;
