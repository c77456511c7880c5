package org.prolo.imaging.order;

/** The imaging findings that rule prolotherapy out (clinical-policy.md, rule 3). */
public enum RedFlagKind {

	FRACTURE, TUMOUR, INFECTION, INFLAMMATORY_ARTHRITIS

}
