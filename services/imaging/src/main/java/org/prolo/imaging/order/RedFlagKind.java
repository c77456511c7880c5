package org.prolo.imaging.order;

/** The imaging findings that rule prolotherapy out (the suitability table in bpmn/). */
public enum RedFlagKind {

	FRACTURE, TUMOUR, INFECTION, INFLAMMATORY_ARTHRITIS

}
