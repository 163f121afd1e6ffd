"""Who pays for what, at which price, up to which limit: the service catalogue's groups and
specifications, price lists, payers and their agreements, discounts, quotas, orders and payer registers.

Invariants the database keeps by itself:
- a price list never has two prices of one service for the same day (exclusion constraint);
- a quota is never overrun by concurrent orders: a charge locks its quota row and is refused above
  the limit unless a job allowed to override sets ``overridden`` (trigger ``quota_charge_check``);
- a manual discount above the limit of the user's jobs is refused (trigger on ``order_line_discounts``);
- a performed order line sits in at most one payer register (unique ``register_lines.order_line_id``).
Money is ``numeric(12, 2)`` roubles.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, DATERANGE, JSONB, ExcludeConstraint, Range
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

PAYER_KINDS = ("individual", "company", "insurer", "oms_fund")
AGREEMENT_KINDS = ("model", "individual")
AGREEMENT_STATUSES = ("draft", "active", "closed")
QUOTA_SOURCES = ("external", "own")
ORDER_CHANNELS = ("registry", "call_centre", "website", "doctor")
LINE_STATUSES = ("ordered", "booked", "paid", "performed", "closed", "cancelled")
#: Lines that count against quotas and may be paid or performed.
OPEN_LINE_STATUSES = ("ordered", "booked", "paid", "performed", "closed")
POLICY_KINDS = ("oms", "dms")
REGISTER_STATUSES = ("draft", "locked", "exported")
REGISTER_LINE_STATES = ("mapped", "unmapped", "conflict", "excluded")

MONEY = Numeric(12, 2)
PERCENT = Numeric(6, 2)
#: The largest price the catalogue accepts (a typo guard: ten million roubles).
PRICE_LIMIT = 10_000_000


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _money_ok(column: str) -> str:
    return f"{column} >= 0 AND {column} < {PRICE_LIMIT}"


class ServiceGroup(Base):
    """A group of services (laboratory, ultrasound, consultations): what discounts, quotas and
    register rules can name instead of each service."""

    __tablename__ = "service_groups"
    __table_args__ = (
        UniqueConstraint("organization_id", "code"),
        CheckConstraint("length(btrim(code)) > 0 AND length(btrim(name)) > 0", name="named"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))


class ServiceComponent(Base):
    """One step of a complex service's specification (technological map), in order."""

    __tablename__ = "service_components"
    __table_args__ = (
        UniqueConstraint("complex_service_id", "position"),
        CheckConstraint("complex_service_id <> component_service_id", name="not_itself"),
        CheckConstraint("position > 0", name="position_positive"),
        CheckConstraint("duration_minutes IS NULL OR (duration_minutes > 0 AND duration_minutes <= 1440)",
                        name="duration_positive"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    complex_service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id", ondelete="CASCADE"),
                                                    index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    component_service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"))
    # What the step needs: a particular resource (an office, a device), or any doctor of a specialty.
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_resources.id"))
    specialty_id: Mapped[int | None] = mapped_column(ForeignKey("specialties.id"))
    # None: the component service's own duration.
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    optional: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")


class PriceList(TimestampMixin, VersionedMixin, Base):
    """A named list of prices; one per organization is the default retail list."""

    __tablename__ = "price_lists"
    __table_args__ = (
        UniqueConstraint("organization_id", "name"),
        CheckConstraint("length(btrim(name)) > 0", name="named"),
        Index("uq_price_lists_default", "organization_id", unique=True, postgresql_where=text("is_default")),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Price(Base):
    """The price of a service in a list for a period ``[valid_from, valid_to]`` (open end: until changed)."""

    __tablename__ = "prices"
    __table_args__ = (
        CheckConstraint(_money_ok("amount"), name="amount_sane"),
        CheckConstraint("NOT isempty(valid) AND NOT lower_inf(valid)", name="valid_from_given"),
        ExcludeConstraint(("price_list_id", "="), ("service_id", "="), ("valid", "&&"), using="gist",
                          name="ex_prices_no_overlap"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    price_list_id: Mapped[int] = mapped_column(ForeignKey("price_lists.id", ondelete="CASCADE"))
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"), index=True)
    valid: Mapped[Range[dt.date]] = mapped_column(DATERANGE)
    amount: Mapped[Decimal] = mapped_column(MONEY)


class Payer(TimestampMixin, VersionedMixin, Base):
    """A counterparty that pays: a private person, a company, a voluntary insurer or the compulsory
    insurance fund. ``register_format`` configures the export of its registers."""

    __tablename__ = "payers"
    __table_args__ = (
        CheckConstraint(_in("kind", PAYER_KINDS), name="kind_known"),
        CheckConstraint("length(btrim(name)) > 0", name="named"),
        CheckConstraint("inn = '' OR inn ~ '^([0-9]{10}|[0-9]{12})$'", name="inn_digits"),
        CheckConstraint("kpp = '' OR kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'", name="kpp_format"),
        CheckConstraint("ogrn = '' OR ogrn ~ '^([0-9]{13}|[0-9]{15})$'", name="ogrn_digits"),
        CheckConstraint("jsonb_typeof(register_format) = 'object'", name="register_format_object"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    inn: Mapped[str] = mapped_column(String(12), default="", server_default="")
    kpp: Mapped[str] = mapped_column(String(9), default="", server_default="")
    ogrn: Mapped[str] = mapped_column(String(15), default="", server_default="")
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    # A private payer who is also a client of the clinic (a parent paying for a child).
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    register_format: Mapped[dict] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Agreement(TimestampMixin, VersionedMixin, Base):
    """A model agreement (a template) or an individual agreement with a payer, created from a model.

    Prices: the agreement's own price of a service (agreement_services.price) or else its price list
    (the default retail list when none), changed by ``adjustment_percent`` (negative: a discount,
    positive: a markup). ``covers_all_services`` or else only the services listed.
    """

    __tablename__ = "agreements"
    __table_args__ = (
        UniqueConstraint("organization_id", "number"),
        CheckConstraint(_in("kind", AGREEMENT_KINDS), name="kind_known"),
        CheckConstraint(_in("status", AGREEMENT_STATUSES), name="status_known"),
        CheckConstraint("length(btrim(number)) > 0 AND length(btrim(name)) > 0", name="named"),
        CheckConstraint("kind = 'model' OR payer_id IS NOT NULL", name="individual_has_payer"),
        CheckConstraint("kind = 'individual' OR payer_id IS NULL", name="model_has_no_payer"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="period_ordered"),
        CheckConstraint("adjustment_percent > -100 AND adjustment_percent <= 1000", name="adjustment_sane"),
        CheckConstraint("payment_due_days IS NULL OR payment_due_days BETWEEN 0 AND 365", name="due_days_sane"),
        Index("uq_agreements_public_offer", "organization_id", unique=True,
              postgresql_where=text("is_public_offer AND status = 'active'")),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    model_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    number: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    payer_id: Mapped[int | None] = mapped_column(ForeignKey("payers.id"), index=True)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    price_list_id: Mapped[int | None] = mapped_column(ForeignKey("price_lists.id"))
    adjustment_percent: Mapped[Decimal] = mapped_column(PERCENT, default=0, server_default="0")
    covers_all_services: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    # The agreement for one-time retail sales: the patient pays under it with no signed paper.
    is_public_offer: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    payment_terms: Mapped[str] = mapped_column(Text, default="", server_default="")
    payment_due_days: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(8), default="draft", server_default="draft")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class AgreementService(Base):
    """A service the agreement covers, with its own price or adjustment when they differ."""

    __tablename__ = "agreement_services"
    __table_args__ = (
        CheckConstraint(f"price IS NULL OR ({_money_ok('price')})", name="price_sane"),
        CheckConstraint("adjustment_percent IS NULL OR (adjustment_percent > -100 AND adjustment_percent <= 1000)",
                        name="adjustment_sane"),
    )

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    price: Mapped[Decimal | None] = mapped_column(MONEY)
    adjustment_percent: Mapped[Decimal | None] = mapped_column(PERCENT)
    # Performed under this agreement only with the insurer's approval linked to the line (migration 0011).
    requires_approval: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")


class AgreementPayment(Base):
    """A payment of the agreement's payment schedule: due on a date, paid (maybe in parts) or overdue."""

    __tablename__ = "agreement_payments"
    __table_args__ = (
        CheckConstraint(f"amount > 0 AND amount < {PRICE_LIMIT * 100}", name="amount_positive"),
        CheckConstraint("paid_amount >= 0 AND paid_amount <= amount", name="paid_within_amount"),
        CheckConstraint("(paid_amount = 0) = (paid_on IS NULL)", name="paid_on_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    paid_amount: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=0, server_default="0")
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class DiscountRule(TimestampMixin, VersionedMixin, Base):
    """An automatic discount (or, with a negative percent, a markup such as a night surcharge).

    Every condition left empty matches anything; of all rules that match an order line the one with
    the largest effect applies (rules do not add up). Patient category: sex, an age band, a card type.
    """

    __tablename__ = "discount_rules"
    __table_args__ = (
        CheckConstraint("length(btrim(name)) > 0", name="named"),
        CheckConstraint("percent <> 0 AND percent <= 100 AND percent >= -100", name="percent_sane"),
        CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name="sex_known"),
        CheckConstraint("age_max IS NULL OR age_min IS NULL OR age_max >= age_min", name="ages_ordered"),
        CheckConstraint("(time_from IS NULL) = (time_to IS NULL) AND (time_from IS NULL OR "
                        "(time_from >= 0 AND time_to <= 1440 AND time_to > time_from))", name="time_ordered"),
        CheckConstraint("weekdays IS NULL OR weekdays <@ ARRAY[1,2,3,4,5,6,7]::smallint[]", name="weekdays_known"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="period_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    percent: Mapped[Decimal] = mapped_column(PERCENT)
    service_group_id: Mapped[int | None] = mapped_column(ForeignKey("service_groups.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("medical_services.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    card_type_id: Mapped[int | None] = mapped_column(ForeignKey("medical_card_types.id"))
    sex: Mapped[str | None] = mapped_column(String(1))
    age_min: Mapped[int | None] = mapped_column(SmallInteger)
    age_max: Mapped[int | None] = mapped_column(SmallInteger)
    weekdays: Mapped[list[int] | None] = mapped_column(ARRAY(SmallInteger))
    time_from: Mapped[int | None] = mapped_column(SmallInteger)
    time_to: Mapped[int | None] = mapped_column(SmallInteger)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class ManualDiscountLimit(Base):
    """The largest manual discount a job may give (the largest of the user's jobs applies)."""

    __tablename__ = "manual_discount_limits"
    __table_args__ = (CheckConstraint("max_percent >= 0 AND max_percent <= 100", name="percent_sane"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    job: Mapped[str] = mapped_column(String(40), primary_key=True)
    max_percent: Mapped[Decimal] = mapped_column(PERCENT)


class Quota(TimestampMixin, VersionedMixin, Base):
    """A limit on the volume of care (a count of services, money, or both) for a period.

    Every condition left empty matches anything. ``used_*`` are kept by the charges' triggers.
    """

    __tablename__ = "quotas"
    __table_args__ = (
        CheckConstraint("length(btrim(name)) > 0", name="named"),
        CheckConstraint(_in("source", QUOTA_SOURCES), name="source_known"),
        CheckConstraint("period_to >= period_from", name="period_ordered"),
        CheckConstraint("limit_count IS NOT NULL OR limit_amount IS NOT NULL", name="limit_given"),
        CheckConstraint("limit_count IS NULL OR limit_count >= 0", name="count_positive"),
        CheckConstraint("limit_amount IS NULL OR limit_amount >= 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(8), default="own", server_default="own")
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    payer_id: Mapped[int | None] = mapped_column(ForeignKey("payers.id"))
    service_group_id: Mapped[int | None] = mapped_column(ForeignKey("service_groups.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("medical_services.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    limit_count: Mapped[int | None] = mapped_column(Integer)
    limit_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    used_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    used_amount: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=0, server_default="0")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class Order(TimestampMixin, VersionedMixin, Base):
    """What a client (or an anonymous caller: a name and a phone) wants at one moment."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("patient_id IS NOT NULL OR length(btrim(contact_name)) > 0", name="who_given"),
        CheckConstraint(_in("channel", ORDER_CHANNELS), name="channel_known"),
        Index("ix_orders_organization_created", "organization_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    channel: Mapped[str] = mapped_column(String(12), default="registry", server_default="registry")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class OrderLine(TimestampMixin, VersionedMixin, Base):
    """One service of an order: who pays under which agreement, the price and why, the status."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint(_in("status", LINE_STATUSES), name="status_known"),
        CheckConstraint("quantity BETWEEN 1 AND 100", name="quantity_sane"),
        CheckConstraint(_money_ok("base_price") + " AND " + _money_ok("price"), name="prices_sane"),
        CheckConstraint("discount_amount >= 0 AND discount_amount <= price * quantity", name="discount_within"),
        CheckConstraint("amount = price * quantity - discount_amount", name="amount_computed"),
        CheckConstraint("status <> 'cancelled' OR length(btrim(cancel_reason)) > 0", name="cancel_reason_given"),
        CheckConstraint("status NOT IN ('performed', 'closed') OR performed_at IS NOT NULL", name="performed_dated"),
        CheckConstraint("jsonb_typeof(price_reason) = 'array'", name="reason_list"),
        Index("ix_order_lines_agreement_performed", "agreement_id", "performed_at"),
        Index("ix_order_lines_booking", "booking_id"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"))
    quantity: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    # None: the client pays personally (retail, under the public offer when there is one).
    payer_id: Mapped[int | None] = mapped_column(ForeignKey("payers.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    price_list_id: Mapped[int | None] = mapped_column(ForeignKey("price_lists.id"))
    base_price: Mapped[Decimal] = mapped_column(MONEY)
    adjustment_percent: Mapped[Decimal] = mapped_column(PERCENT, default=0, server_default="0")
    price: Mapped[Decimal] = mapped_column(MONEY)  # the unit price after the agreement's adjustment
    discount_amount: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    amount: Mapped[Decimal] = mapped_column(MONEY)
    # Why this price: [{"text": source text, "params": {...}}, ...], translated when shown.
    price_reason: Mapped[list] = mapped_column(JSONB, default=list, server_default=text("'[]'::jsonb"))
    status: Mapped[str] = mapped_column(String(10), default="ordered", server_default="ordered")
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
    # A step of a complex service ordered as a whole: booked and performed on its own, priced in the parent.
    parent_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), index=True)
    step_optional: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    performed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    result_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The cash desk operation taking money for the line now, or the sale that paid it (cash desk issue):
    # taken with a conditional update, so two cashiers cannot take money for one line.
    cash_operation_id: Mapped[int | None] = mapped_column(ForeignKey("cash_operations.id"), index=True)
    # An insurer's telephone approval the line relies on (sql/0011_communications.sql checks the link).
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("insurer_approvals.id"), index=True)


class OrderLineDiscount(Base):
    """A discount applied to an order line: by a rule, or by hand with who and why."""

    __tablename__ = "order_line_discounts"
    __table_args__ = (
        CheckConstraint("percent <> 0 AND percent BETWEEN -100 AND 100", name="percent_sane"),
        CheckConstraint("manual = (rule_id IS NULL)", name="rule_or_manual"),
        CheckConstraint("NOT manual OR length(btrim(reason)) > 0", name="manual_reason_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("discount_rules.id"))
    manual: Mapped[bool] = mapped_column(Boolean)
    percent: Mapped[Decimal] = mapped_column(PERCENT)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    applied_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class QuotaCharge(Base):
    """What an order line takes from a quota. Deleted when the line is cancelled."""

    __tablename__ = "quota_charges"
    __table_args__ = (
        CheckConstraint("count >= 0 AND amount >= 0", name="positive"),
    )

    quota_id: Mapped[int] = mapped_column(ForeignKey("quotas.id"), primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), primary_key=True,
                                               index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    count: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    # Set (with who) when a job allowed to override let the charge exceed the limit.
    overridden_by: Mapped[str | None] = mapped_column(String(63))
    charged_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RegisterMappingRule(TimestampMixin, Base):
    """How the clinic's own service becomes the payer's service code in the payer's register."""

    __tablename__ = "register_mapping_rules"
    __table_args__ = (
        CheckConstraint("length(btrim(payer_code)) > 0 AND length(btrim(payer_name)) > 0", name="code_given"),
        CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name="sex_known"),
        CheckConstraint("age_min IS NULL OR age_min >= 0", name="age_min_positive"),
        CheckConstraint("age_max IS NULL OR age_min IS NULL OR age_max >= age_min", name="ages_ordered"),
        CheckConstraint("policy_kind IS NULL OR " + _in("policy_kind", POLICY_KINDS), name="policy_kind_known"),
        CheckConstraint(f"payer_price IS NULL OR ({_money_ok('payer_price')})", name="price_sane"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    payer_id: Mapped[int] = mapped_column(ForeignKey("payers.id", ondelete="CASCADE"), index=True)
    priority: Mapped[int] = mapped_column(SmallInteger, default=100, server_default="100")
    service_id: Mapped[int | None] = mapped_column(ForeignKey("medical_services.id"))
    service_group_id: Mapped[int | None] = mapped_column(ForeignKey("service_groups.id"))
    sex: Mapped[str | None] = mapped_column(String(1))
    age_min: Mapped[int | None] = mapped_column(SmallInteger)
    age_max: Mapped[int | None] = mapped_column(SmallInteger)
    policy_kind: Mapped[str | None] = mapped_column(String(3))
    result_code: Mapped[str | None] = mapped_column(String(20))
    payer_code: Mapped[str] = mapped_column(String(40))
    payer_name: Mapped[str] = mapped_column(String(300))
    payer_price: Mapped[Decimal | None] = mapped_column(MONEY)


class PayerRegister(TimestampMixin, VersionedMixin, Base):
    """The services performed under one agreement in a period, in the payer's terms."""

    __tablename__ = "payer_registers"
    __table_args__ = (
        UniqueConstraint("organization_id", "number"),
        CheckConstraint(_in("status", REGISTER_STATUSES), name="status_known"),
        CheckConstraint("period_to >= period_from", name="period_ordered"),
        CheckConstraint("status = 'draft' OR locked_at IS NOT NULL", name="locked_dated"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="draft", server_default="draft")
    built_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    built_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    locked_by: Mapped[str | None] = mapped_column(String(63))
    locked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class RegisterLine(Base):
    """One performed order line in a register: mapped to the payer's code, or unmapped/conflicting
    (shown for correction, never dropped). A line of a locked register never changes."""

    __tablename__ = "register_lines"
    __table_args__ = (
        CheckConstraint(_in("state", REGISTER_LINE_STATES), name="state_known"),
        CheckConstraint("state <> 'mapped' OR (length(payer_code) > 0 AND amount IS NOT NULL)", name="mapped_coded"),
        CheckConstraint("state <> 'excluded' OR length(btrim(note)) > 0", name="exclusion_explained"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    register_id: Mapped[int] = mapped_column(ForeignKey("payer_registers.id", ondelete="CASCADE"), index=True)
    # Exactly one register holds a performed line.
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), unique=True)
    state: Mapped[str] = mapped_column(String(10))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("register_mapping_rules.id", ondelete="SET NULL"))
    payer_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    payer_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # A snapshot at build time, so a locked register exports what was reviewed.
    service_code: Mapped[str] = mapped_column(String(30))
    service_name: Mapped[str] = mapped_column(String(300))
    patient_name: Mapped[str] = mapped_column(String(320))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1), default="", server_default="")
    policy_number: Mapped[str] = mapped_column(String(30), default="", server_default="")
    performed_on: Mapped[dt.date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(SmallInteger)
    price: Mapped[Decimal | None] = mapped_column(MONEY)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    result_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    corrected_by: Mapped[str | None] = mapped_column(String(63))
    # For a conflict: the payer codes of the rules that disagree.
    candidates: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list, server_default="{}")
