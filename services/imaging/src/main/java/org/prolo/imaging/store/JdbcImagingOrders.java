package org.prolo.imaging.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.prolo.imaging.order.Findings;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.ImagingOrders;
import org.prolo.imaging.order.Modality;
import org.prolo.imaging.order.OrderStatus;
import org.prolo.imaging.order.RedFlagKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcImagingOrders implements ImagingOrders {

	private static final String COLUMNS = "id, referral_id, patient_pseudonym, modality, body_region, clinical_question, "
			+ "requested_at, status, reported_at, red_flag, red_flag_kind, full_thickness_tear, osteoarthritis_grade, report";

	private final JdbcTemplate jdbc;

	JdbcImagingOrders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean existsForRequest(String referralId, Instant requestedAt) {
		Integer count = jdbc.queryForObject(
				"select count(*) from imaging_order where referral_id = ? and requested_at = ?", Integer.class,
				referralId, utc(requestedAt));
		return count != null && count > 0;
	}

	@Override
	public void add(ImagingOrder order) {
		jdbc.update(
				"insert into imaging_order (id, referral_id, patient_pseudonym, modality, body_region, "
						+ "clinical_question, requested_at, status) values (?, ?, ?, ?, ?, ?, ?, ?)",
				order.id(), order.referralId(), order.patientPseudonym(), order.modality().name(), order.bodyRegion(),
				order.clinicalQuestion(), utc(order.requestedAt()), order.status().name());
	}

	@Override
	public Optional<ImagingOrder> find(String id) {
		return jdbc.query("select " + COLUMNS + " from imaging_order where id = ?", JdbcImagingOrders::map, id)
			.stream()
			.findFirst();
	}

	@Override
	public List<ImagingOrder> list(OrderStatus status) {
		if (status == null) {
			return jdbc.query("select " + COLUMNS + " from imaging_order order by requested_at, id",
					JdbcImagingOrders::map);
		}
		return jdbc.query("select " + COLUMNS + " from imaging_order where status = ? order by requested_at, id",
				JdbcImagingOrders::map, status.name());
	}

	@Override
	public boolean saveReport(ImagingOrder reported) {
		Findings findings = reported.findings();
		// The status guard makes two concurrent reports of one order end in one report
		// and one conflict.
		int updated = jdbc.update(
				"update imaging_order set status = ?, reported_at = ?, red_flag = ?, red_flag_kind = ?, "
						+ "full_thickness_tear = ?, osteoarthritis_grade = ?, report = ? where id = ? and status = ?",
				reported.status().name(), utc(reported.reportedAt()), findings.redFlag(),
				(findings.redFlagKind() != null) ? findings.redFlagKind().name() : null, findings.fullThicknessTear(),
				findings.osteoarthritisGrade(), findings.report(), reported.id(), OrderStatus.OPEN.name());
		return updated == 1;
	}

	@Override
	public List<ImagingOrder> openOf(String referralId) {
		return jdbc.query(
				"select " + COLUMNS
						+ " from imaging_order where referral_id = ? and status = ? order by requested_at, id",
				JdbcImagingOrders::map, referralId, OrderStatus.OPEN.name());
	}

	@Override
	public boolean saveClose(ImagingOrder closed, Instant closedAt, String reason) {
		// The status guard makes a close and a concurrent report end in one of them.
		return jdbc.update(
				"update imaging_order set status = ?, closed_at = ?, close_reason = ? where id = ? and status = ?",
				closed.status().name(), utc(closedAt), reason, closed.id(), OrderStatus.OPEN.name()) == 1;
	}

	private static ImagingOrder map(ResultSet rs, int row) throws SQLException {
		OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
		Findings findings = null;
		if (status == OrderStatus.REPORTED) {
			String kind = rs.getString("red_flag_kind");
			findings = new Findings(rs.getBoolean("red_flag"), (kind != null) ? RedFlagKind.valueOf(kind) : null,
					rs.getBoolean("full_thickness_tear"), rs.getObject("osteoarthritis_grade", Integer.class),
					rs.getString("report"));
		}
		return new ImagingOrder(rs.getString("id"), rs.getString("referral_id"), rs.getString("patient_pseudonym"),
				Modality.valueOf(rs.getString("modality")), rs.getString("body_region"),
				rs.getString("clinical_question"), instant(rs, "requested_at"), status, instant(rs, "reported_at"),
				findings);
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
