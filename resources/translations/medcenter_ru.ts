<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <location filename="../../workstations/reports/sick_leave_rules_page.py" line="+285"/>
        <source>Sick-leave rules</source>
        <extracomment>What the operation bus is told when a rule changed. The largest number of days a parameter may give. The parameters as last saved, by rule code (what a refused value goes back to).</extracomment>
        <translation>Правила листков нетрудоспособности</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rules every sick-leave certificate is checked against. Switch a rule off or change its numbers; the change applies to the next check.</source>
        <translation>Правила, по которым проверяется каждый листок нетрудоспособности. Правило можно отключить или изменить его числа; изменение действует со следующей проверки.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rules every sick-leave certificate is checked against. Only the head of the organization changes them.</source>
        <translation>Правила, по которым проверяется каждый листок нетрудоспособности. Изменяет их только руководитель организации.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message shown</source>
        <translation>Сообщение пользователю</translation>
    </message>
</context>
<context>
    <name>AddCommunicationDialog</name>
    <message>
        <location filename="../../medcenter_desktop/communications_panel.py" line="+196"/>
        <source>Log a communication</source>
        <translation>Регистрация обращения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel</source>
        <translation>&amp;Канал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Direction</source>
        <translation>&amp;Направление</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;ontact (number, address)</source>
        <translation>К&amp;онтакт (номер, адрес)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When (blank: now)</source>
        <translation>Ко&amp;гда (пусто — сейчас)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Su&amp;bject</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Summary</source>
        <translation>&amp;Содержание</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>O&amp;utcome</source>
        <translation>&amp;Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow-up on</source>
        <translation>&amp;Повторный контакт</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>dd.mm.yyyy hh:mm</source>
        <translation>дд.мм.гггг чч:мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was it about? (required)</source>
        <translation>О чём шла речь? (обязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter the time as dd.mm.yyyy hh:mm, or leave it blank for now.</source>
        <translation>Введите время в виде дд.мм.гггг чч:мм или оставьте поле пустым — будет текущее время.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the follow-up date as dd.mm.yyyy, or leave it blank.</source>
        <translation>Введите дату повторного контакта в виде дд.мм.гггг или оставьте поле пустым.</translation>
    </message>
</context>
<context>
    <name>AdministratorWindow</name>
    <message>
        <location filename="../../workstations/administrator/window.py" line="+376"/>
        <source>&amp;Users</source>
        <translation>&amp;Пользователи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference data</source>
        <translation>&amp;Справочники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History of actions</source>
        <translation>&amp;История действий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card &amp;numbering</source>
        <translation>&amp;Нумерация карт</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <location filename="../../workstations/contracts/agreements_page.py" line="+326"/>
        <source>{name} (inactive)</source>
        <translation>{name} (неактивен)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+60"/>
        <location line="+6"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+66"/>
        <source>— the default list —</source>
        <translation>— прейскурант по умолчанию —</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Number</source>
        <translation>&amp;Номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N&amp;ame</source>
        <translation>Наи&amp;менование</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Payer</source>
        <translation>&amp;Плательщик</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Model</source>
        <translation>&amp;Типовой договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid from</source>
        <translation>&amp;Действует с</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price &amp;list</source>
        <translation>П&amp;рейскурант</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mar&amp;kup, %</source>
        <translation>На&amp;ценка, %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payment &amp;due</source>
        <translation>Срок оп&amp;латы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment &amp;terms</source>
        <translation>Условия опл&amp;аты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N&amp;ote</source>
        <translation>Прим&amp;ечание</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status</source>
        <translation>&amp;Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>si&amp;gned on</source>
        <translation>подп&amp;исан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;until</source>
        <translation>п&amp;о</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to the list&apos;s prices; negative for a discount, e.g. −5</source>
        <translation>к ценам прейскуранта; отрицательная — скидка, например −5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covers &amp;every service of the price list (not only those listed)</source>
        <translation>Распространяется на все &amp;услуги прейскуранта (не только перечисленные)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ublic offer (accepted by paying)</source>
        <translation>Публичная о&amp;ферта (акцепт путём оплаты)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days after the invoice</source>
        <translation>дн. после выставления счёта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As printed on the agreement</source>
        <translation>Как указано в договоре</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of the payer&apos;s name…</source>
        <translation>Введите часть наименования плательщика…</translation>
    </message>
</context>
<context>
    <name>AgreementServicesEditor</name>
    <message>
        <location line="+115"/>
        <source>Choose the service to add.</source>
        <translation>Выберите услугу, которую нужно добавить.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The agreement already names this service.</source>
        <translation>Эта услуга уже указана в договоре.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The services the agreement names. An own price replaces the price list&apos;s; an own markup (negative: a discount), in percent, replaces the agreement&apos;s. Leave both empty to use the list&apos;s price with the agreement&apos;s markup. Double-click a cell to type in it. “Insurer&apos;s approval”: the service is performed only once the registry has recorded the insurer&apos;s approval for the line.</source>
        <translation>Услуги, указанные в договоре. Собственная цена заменяет цену прейскуранта; собственная наценка в процентах (отрицательная — скидка) заменяет наценку договора. Оставьте оба поля пустыми, чтобы применялась цена прейскуранта с наценкой договора. Чтобы ввести значение, дважды щёлкните ячейку. «Согласование СК»: услуга выполняется только после того, как регистратура зафиксирует согласование страховой компании для этой строки.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Own price, ₽</source>
        <translation>Своя цена, ₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own markup, %</source>
        <translation>Своя наценка, %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insurer&apos;s approval</source>
        <translation>Согласование СК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a ser&amp;vice:</source>
        <translation>Добавить у&amp;слугу:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a code or name…</source>
        <translation>Введите часть кода или наименования…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove the service</source>
        <translation>&amp;Убрать услугу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the services</source>
        <translation>Со&amp;хранить услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>needed</source>
        <translation>требуется</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Performed only with the insurer&apos;s approval linked to the line</source>
        <translation>Выполняется только при наличии согласования страховой компании, привязанного к строке</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <location line="+403"/>
        <location line="+74"/>
        <location line="+53"/>
        <source>Agreements</source>
        <extracomment>The agreement in the editor (None: a new one, not saved yet).</extracomment>
        <translation>Договоры</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind} agreements</source>
        <translation>Вид: {kind}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <source>All payers</source>
        <translation>Все плательщики</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Find by number or name…</source>
        <translation>Поиск по номеру или наименованию…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New agreement</source>
        <translation>&amp;Новый договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create from a &amp;model…</source>
        <translation>Создать по &amp;типовому договору…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services and prices</source>
        <translation>Услуги и цены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment schedule</source>
        <translation>График платежей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the agreement</source>
        <translation>&amp;Сохранить договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Shown: {shown}</source>
        <translation>Показано: {shown}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The agreement has unsaved changes. Leave them unsaved?</source>
        <translation>В договоре есть несохранённые изменения. Отказаться от них?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The agreement no longer exists.</source>
        <translation>Этого договора больше нет.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose an agreement on the left, or create one.</source>
        <translation>Выберите договор в списке слева или создайте новый.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New agreement</source>
        <translation>Новый договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the card and save it (Ctrl+S); then list its services and payments.</source>
        <translation>Заполните карточку и сохраните её (Ctrl+S), затем укажите услуги и платежи.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind} agreement</source>
        <translation>{kind} договор</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from the model {number}</source>
        <translation>по типовому договору {number}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The agreement is saved.</source>
        <translation>Договор сохранён.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only one public offer may be in force at a time: close {number} first, or save this one as a draft.</source>
        <translation>Одновременно может действовать только одна публичная оферта: сначала закройте {number} или сохраните этот договор как черновик.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The agreement is created from the model as a draft. Check its fields, services and payment terms.</source>
        <translation>Договор создан по типовому как черновик. Проверьте его поля, услуги и условия оплаты.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The services of the agreement are saved.</source>
        <translation>Услуги договора сохранены.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The payment is added to the schedule.</source>
        <translation>Платёж добавлен в график.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The received amount is recorded.</source>
        <translation>Поступившая сумма учтена.</translation>
    </message>
</context>
<context>
    <name>AnonymousOrderDialog</name>
    <message>
        <location filename="../../workstations/registrar/order_dialogs.py" line="+366"/>
        <source>Order without a client card</source>
        <extracomment>What was chosen: (&quot;new&quot;, name, phone) or (&quot;open&quot;, order id).</extracomment>
        <translation>Заказ без карты пациента</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who is coming</source>
        <translation>Кто придёт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To call back</source>
        <translation>Для обратного звонка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New order (Enter)</source>
        <translation>&amp;Новый заказ (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>Ф&amp;ИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Open the order</source>
        <translation>&amp;Открыть заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders without a card, last 30 days</source>
        <translation>Заказы без карты за последние 30 дней</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Give the name and the phone of who is coming.</source>
        <translation>Укажите ФИО и телефон того, кто придёт.</translation>
    </message>
</context>
<context>
    <name>AppointmentsBox</name>
    <message>
        <location filename="../../workstations/doctor/appointments_box.py" line="+273"/>
        <source>&amp;Service:</source>
        <translation>&amp;Услуга:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or code of a test, consultation, procedure (Ctrl+E)</source>
        <translation>Название или код анализа, консультации, процедуры (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indication</source>
        <translation>Показание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appoint (Enter)</source>
        <translation>Назначить (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book… (F3)</source>
        <translation>Записать… (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove / cancel… (Del)</source>
        <translation>Удалить / отменить… (Del)</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <location filename="../../medcenter_desktop/operations.py" line="+180"/>
        <source>Please wait</source>
        <extracomment>How long an operation may run before a progress indicator appears (ms): quick ones never flash it.</extracomment>
        <translation>Подождите</translation>
    </message>
</context>
<context>
    <name>BlanksPage</name>
    <message>
        <location filename="../../workstations/head_of_registry/blanks_page.py" line="+56"/>
        <location line="+19"/>
        <source>In stock</source>
        <translation>На складе</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <location line="+11"/>
        <source>Handed out</source>
        <translation>Выдано</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+19"/>
        <location line="+11"/>
        <location line="+10"/>
        <source>Used</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+19"/>
        <location line="+11"/>
        <location line="+10"/>
        <source>Spoiled</source>
        <translation>Испорчено</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Not handed out (in stock)</source>
        <translation>Не выданы (на складе)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+26"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Holder</source>
        <translation>Держатель</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening</source>
        <translation>Остаток на начало</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closing</source>
        <translation>Остаток на конец</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers left</source>
        <translation>Остались номера</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>&amp;Batches and hand-outs</source>
        <translation>&amp;Партии и выдача</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B&amp;lanks</source>
        <translation>&amp;Бланки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;port and book</source>
        <translation>&amp;Отчёт и книга учёта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batches of sick-leave blanks received</source>
        <translation>Поступившие партии бланков листков нетрудоспособности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive a batch</source>
        <translation>Приём партии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From No.:</source>
        <translation>&amp;С №:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To No.:</source>
        <translation>&amp;По №:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recei&amp;ved on:</source>
        <translation>Дата пос&amp;тупления:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Supplier:</source>
        <translation>Поставщи&amp;к:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Document:</source>
        <translation>&amp;Документ:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Receive</source>
        <translation>Пр&amp;инять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand blanks out</source>
        <translation>Выдача бланков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fro&amp;m No.:</source>
        <translation>&amp;Начиная с №:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T&amp;o No.:</source>
        <translation>П&amp;о №:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To staff &amp;member:</source>
        <translation>Сотр&amp;уднику:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To de&amp;partment:</source>
        <translation>В отделени&amp;е:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed out o&amp;n:</source>
        <translation>Дата в&amp;ыдачи:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doc&amp;ument:</source>
        <translation>Доку&amp;мент:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hand out</source>
        <translation>&amp;Выдать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;State:</source>
        <translation>&amp;Состояние:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+161"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>&amp;Holder:</source>
        <translation>&amp;Держатель:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write off as s&amp;poiled…</source>
        <translation>Списать как ис&amp;порченный…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show report</source>
        <translation>Показать &amp;отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report &amp;PDF…</source>
        <translation>Отчёт в &amp;PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boo&amp;k of blanks…</source>
        <translation>&amp;Книга учёта бланков…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Blanks {first}–{last} received.</source>
        <translation>Бланки {first}–{last} приняты.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Blanks {first}–{last} handed out.</source>
        <translation>Бланки {first}–{last} выданы.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Write off a spoiled blank</source>
        <translation>Списание испорченного бланка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is blank {number} spoiled? It can never be used afterwards.</source>
        <translation>Почему бланк {number} испорчен? Использовать его после этого будет нельзя.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Blank {number} is written off as spoiled.</source>
        <translation>Бланк {number} списан как испорченный.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report on sick-leave blanks</source>
        <translation>Отчёт о бланках листков нетрудоспособности</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Book of sick-leave blanks</source>
        <translation>Книга учёта бланков листков нетрудоспособности</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>— nobody —</source>
        <translation>— никому —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{shown} of {total} blanks shown.</source>
        <translation>Показано бланков: {shown} из {total}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ {count} blank number(s) skipped unnoticed — find the blanks or write them off as spoiled:</source>
        <translation>⚠ Пропущенные незамеченными номера бланков ({count}) — найдите бланки или спишите их как испорченные:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} ({holder}): {passed} was used on {since}, {days} days ago</source>
        <translation>{number} ({holder}): номер {passed} использован {since}, {days} дн. назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in stock</source>
        <translation>на складе</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and {count} more.</source>
        <translation>… и ещё {count}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Total: opening {opening} + received {received} − used {used} − spoiled {spoiled} = closing {closing} ({verdict}).</source>
        <translation>Итого: остаток на начало {opening} + поступило {received} − использовано {used} − испорчено {spoiled} = остаток на конец {closing} ({verdict}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>balances</source>
        <translation>сходится</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOES NOT BALANCE</source>
        <translation>НЕ СХОДИТСЯ</translation>
    </message>
</context>
<context>
    <name>Booking</name>
    <message>
        <location filename="../../workstations/registrar/appointments.py" line="+60"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+377"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="-376"/>
        <location line="+532"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="-531"/>
        <location line="+376"/>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <location line="-375"/>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+375"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Confirmed</source>
        <extracomment>Statuses set by a button, with the button&apos;s text.</extracomment>
        <translation>Подтвердил</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Пришёл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Не явился</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the client&apos;s request</source>
        <translation>По просьбе пациента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client is ill</source>
        <translation>Пациент заболел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The doctor is not available</source>
        <translation>Врач отсутствует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked by mistake</source>
        <translation>Записан по ошибке</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Show cancelled</source>
        <extracomment>Book for this client: patient id. Move this booking to another time: BookingInfo. The appointments on screen were replaced. The client&apos;s name as the card shows it (for the dialogs). The dialog open now (cancel, history, waiting list): tests drive it.</extracomment>
        <translation>Показывать отменённые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book… (F3)</source>
        <translation>Записать… (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reschedule…</source>
        <translation>Перенести…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel… (Del)</source>
        <translation>Отменить… (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slip</source>
        <translation>Печать талона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+810"/>
        <source>Waiting list…</source>
        <translation>Лист ожидания…</translation>
    </message>
    <message>
        <location line="+97"/>
        <location line="+21"/>
        <source>Cancel the appointment</source>
        <translation>Отменить запись</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Required: choose or type the reason</source>
        <translation>Обязательно: выберите или введите причину</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep it</source>
        <translation>Не отменять</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Say why the appointment is cancelled.</source>
        <translation>Укажите причину отмены записи.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>History of the appointment</source>
        <translation>История записи</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Waiting list: add</source>
        <translation>Лист ожидания: добавление</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>until</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. only after 12:00</source>
        <translation>например, только после 12:00</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../workstations/registrar/booking_page.py" line="-18"/>
        <source>&amp;Name</source>
        <translation>Ф&amp;ИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+5"/>
        <source>&amp;Service</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+2"/>
        <source>&amp;Doctor</source>
        <translation>&amp;Врач</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wanted from</source>
        <translation>&amp;Желательно с</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+11"/>
        <source>N&amp;ote</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to the waiting list</source>
        <translation>Добавить в лист ожидания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a service.</source>
        <translation>Выберите услугу.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location filename="../../workstations/registrar/booking_page.py" line="+367"/>
        <source>Any doctor</source>
        <translation>Любой врач</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>from {day}</source>
        <translation>с {day}</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+83"/>
        <source>Client</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wanted</source>
        <translation>Желаемые даты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+62"/>
        <location line="+30"/>
        <source>Waiting list</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>&amp;Book the first free time</source>
        <translation>&amp;Записать на первое свободное время</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Withdraw</source>
        <translation>&amp;Убрать из списка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Take {client} off the waiting list for {service}?</source>
        <translation>Убрать из листа ожидания: {client}, услуга «{service}»?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taken off the waiting list.</source>
        <translation>Пациент убран из листа ожидания.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free time for {service} in the next three months.</source>
        <translation>На услугу «{service}» нет свободного времени в ближайшие три месяца.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first free time is {when}.</source>
        <translation>Первое свободное время: {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That is later than the client wanted (until {day}).</source>
        <translation>Это позже желаемого срока (до {day}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book it for {client}?</source>
        <translation>Записать на это время: {client}?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Booked: {what} for {client}.</source>
        <translation>Запись создана: {client}, {what}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That time has just been taken. Press Book again for the next free time.</source>
        <translation>Это время только что заняли. Нажмите «Записать на первое свободное время» ещё раз, чтобы найти следующее.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Waiting: {count}</source>
        <translation>В листе ожидания: {count}</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/booking_page.py" line="-966"/>
        <source>Free: {time}–{end}. Enter or double-click books it.</source>
        <extracomment>A booking (of the current client) was dropped on a free slot: (BookingInfo, Slot). Whose bookings may be dragged (the client on the page), and the booking being moved.</extracomment>
        <translation>Свободно: {time}–{end}. Enter или двойной щелчок — записать.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drag onto a free time to move it.</source>
        <translation>Перетащите на свободное время, чтобы перенести.</translation>
    </message>
    <message>
        <location line="+435"/>
        <location line="+18"/>
        <source>Choose a service from the list.</source>
        <extracomment>A booking was made or moved here: BookingInfo. The booking being moved to another time (Reschedule), or None when booking anew. The last booking made or moved on this page (for Print slip). The waiting list dialog opened from this page (tests drive it).</extracomment>
        <translation>Выберите услугу из списка.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose a free time in the grid first.</source>
        <translation>Сначала выберите свободное время в сетке.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Without a client card, give the name and the phone of who is coming.</source>
        <translation>Без карточки пациента укажите ФИО и телефон того, кто придёт.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move the appointment of {client}
from {old}
to {new}?</source>
        <translation>Перенести запись: {client}
с {old}
на {new}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the appointment</source>
        <translation>Перенос записи</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Added to the waiting list.</source>
        <translation>Добавлено в лист ожидания.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>← Back (Esc)</source>
        <translation>← Назад (Esc)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who is coming (no client card)</source>
        <translation>Кто придёт (без карточки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To call back</source>
        <translation>Для обратного звонка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop moving</source>
        <translation>Отменить перенос</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spe&amp;cialty</source>
        <translation>Спе&amp;циальность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fro&amp;m</source>
        <translation>&amp;Начиная с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Da&amp;ys</source>
        <translation>&amp;Дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channe&amp;l</source>
        <translation>&amp;Канал записи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of the service name</source>
        <translation>Введите часть названия услуги</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find (Enter)</source>
        <translation>Найти (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First free (F4)</source>
        <translation>Первое свободное (F4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print slip (Ctrl+P)</source>
        <translation>Печать талона (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>No free time for this service on these days. Press F4 for the first free time, or put the client on the waiting list.</source>
        <translation>На эти дни нет свободного времени для этой услуги. Нажмите F4, чтобы найти первое свободное время, или добавьте пациента в лист ожидания.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No free time for this service in the next three months. Put the client on the waiting list.</source>
        <translation>На эту услугу нет свободного времени в ближайшие три месяца. Добавьте пациента в лист ожидания.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{day} · {free} free</source>
        <translation>{day} · свободно: {free}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Attached to {client}: {what}.</source>
        <translation>Запись передана пациенту {client}: {what}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attach to {client} (booked as “{name}”, {phone})</source>
        <translation>Передать пациенту {client} (записан как «{name}», {phone})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Booked: {what} for {client}. Ctrl+P prints the slip.</source>
        <translation>Запись создана: {client}, {what}. Ctrl+P — печать талона.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Moved: {client} now comes {what}.</source>
        <translation>Запись перенесена: {client}, теперь {what}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This time has just been taken by someone else, and there is no free time near it.</source>
        <translation>Это время только что занял другой пользователь, а рядом свободного времени нет.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Book this time: {what}</source>
        <translation>Записать на это время: {what}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Any specialty</source>
        <translation>Любая специальность</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Move the appointment of {client}</source>
        <translation>Перенос записи: {client}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book an appointment for {client}</source>
        <translation>Запись на приём: {client}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book an appointment without a client card</source>
        <translation>Запись на приём без карточки пациента</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Book (Enter)</source>
        <translation>Записать (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moving {service}, now {when}. Choose the new time and press Enter, or drag the orange booking onto a free time.</source>
        <translation>Перенос записи на «{service}», сейчас: {when}. Выберите новое время и нажмите Enter или перетащите оранжевую запись на свободное время.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move here (Enter)</source>
        <translation>Перенести сюда (Enter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a free time: arrows or a click, then Enter.</source>
        <translation>Выберите свободное время стрелками или щелчком, затем нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/booking_texts.py" line="+23"/>
        <source>booked</source>
        <translation>записан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved</source>
        <translation>перенесён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status changed</source>
        <translation>статус изменён</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>office {number}</source>
        <translation>каб. {number}</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/slip_preview.py" line="+25"/>
        <source>Appointment slip No. {number}</source>
        <translation>Талон на приём № {number}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../workstations/head_of_registry/calendar_page.py" line="+67"/>
        <source>Working day</source>
        <translation>Рабочий день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortened day</source>
        <translation>Сокращённый день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day off</source>
        <translation>Выходной</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public holiday</source>
        <translation>Праздничный день</translation>
    </message>
    <message>
        <location line="+300"/>
        <location line="+31"/>
        <source>The whole organization</source>
        <extracomment>The selected day changed (a `datetime.date`). A day was right-clicked: (day, global position).</extracomment>
        <translation>Вся организация</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Working hours of the organization</source>
        <translation>Часы работы организации</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A department without hours of its own works the organization&apos;s hours</source>
        <translation>Подразделение без собственного режима работает по режиму организации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the organization opens and closes on each weekday, like 08:00 – 20:00. A shortened day closes an hour earlier; public holidays are closed.</source>
        <translation>Время открытия и закрытия по дням недели, например 08:00 – 20:00. В сокращённый день — на час раньше, в праздничные дни организация закрыта.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear for a weekday the organization is closed</source>
        <translation>Снимите флажок, если в этот день недели организация не работает</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hh:mm</source>
        <translation>чч:мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save hours</source>
        <translation>Сохра&amp;нить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>О&amp;тменить изменения</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Fill from the Russian calendar</source>
        <translation>Заполнение по календарю РФ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill {year} from the Russian production calendar: public holidays, transferred days off and shortened pre-holiday days?</source>
        <translation>Заполнить {year} год по производственному календарю РФ: праздничные дни, перенесённые выходные и сокращённые предпраздничные дни?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days you have changed by hand (local holidays, your own transfers) can be kept or replaced by the official calendar.</source>
        <translation>Дни, изменённые вручную (местные праздники, собственные переносы), можно сохранить или заменить по официальному календарю.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill, &amp;keep my changes</source>
        <translation>Заполнить, &amp;сохранив мои изменения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill and &amp;overwrite my changes</source>
        <translation>Заполнить и &amp;заменить мои изменения</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The production calendar of the organization: which days it works, which are shortened, days off and public holidays. Schedules are generated onto it. Select a day and choose what it is, or right-click it.</source>
        <translation>Производственный календарь организации: рабочие, сокращённые, выходные и праздничные дни. Расписание формируется по этому календарю. Выберите день и укажите его тип или щёлкните его правой кнопкой мыши.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Year</source>
        <translation>&amp;Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous year</source>
        <translation>Предыдущий год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next year</source>
        <translation>Следующий год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>С&amp;егодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill from the &amp;Russian calendar…</source>
        <translation>&amp;Заполнить по календарю РФ…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Short&amp;ened</source>
        <translation>С&amp;окращённый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day &amp;off</source>
        <translation>&amp;Выходной</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Public holidays, transferred days off and shortened days of the shown year, as the government sets them</source>
        <translation>Праздничные дни, перенесённые выходные и сокращённые дни показанного года, как их устанавливает правительство</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Point at a day to read its note.</source>
        <translation>Примечание видно при наведении на день.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected day</source>
        <translation>Выбранный день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. day off moved from Saturday</source>
        <translation>например, перенос с субботы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Working</source>
        <translation>&amp;Рабочий</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ho&amp;liday</source>
        <translation>Пр&amp;аздничный</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Make the selected day: {kind}</source>
        <translation>Сделать выбранный день: {kind}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This year has no public holidays yet: fill it from the Russian calendar, then adjust it.</source>
        <translation>В этом году ещё нет праздничных дней: заполните его по календарю РФ, затем внесите свои изменения.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No day selected</source>
        <translation>День не выбран</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved: {day} is now {kind}.</source>
        <translation>Сохранено: {day} — теперь {kind}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{year} is filled from the Russian production calendar.</source>
        <translation>{year} год заполнен по производственному календарю РФ.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The working hours are saved.</source>
        <translation>Часы работы сохранены.</translation>
    </message>
</context>
<context>
    <name>CancelLineDialog</name>
    <message>
        <location filename="../../workstations/registrar/order_dialogs.py" line="-227"/>
        <location line="+18"/>
        <source>Cancel the line</source>
        <translation>Отменить строку</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Required: choose or type the reason</source>
        <translation>Обязательно: выберите или введите причину</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The appointment {when} is cancelled too.</source>
        <translation>Запись на приём {when} тоже будет отменена.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep it</source>
        <translation>Не отменять</translation>
    </message>
</context>
<context>
    <name>CashierTexts</name>
    <message>
        <location filename="../../workstations/cashier/texts.py" line="+15"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit</source>
        <translation>Аванс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit return</source>
        <translation>Возврат аванса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift opened</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X-report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z-report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank settlement</source>
        <translation>Сверка итогов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>не выполнено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undone</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a decision</source>
        <translation>ждёт решения</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>in progress</source>
        <extracomment>Kinds whose money leaves the drawer or the card: shown with a minus. Kinds that move the client&apos;s money (the day&apos;s totals add them up).</extracomment>
        <translation>выполняется</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../workstations/cashier/window.py" line="+60"/>
        <source>This part of the workstation is not available in this version.</source>
        <translation>Этот раздел рабочего места недоступен в данной версии.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Connecting to the cash desk and checking unfinished operations…</source>
        <translation>Подключение к кассе и проверка незавершённых операций…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Payment (Ctrl+1)</source>
        <translation>Оплата (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds (Ctrl+2)</source>
        <translation>Возвраты (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day history (Ctrl+3)</source>
        <translation>Операции за день (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents (Ctrl+4)</source>
        <translation>Документы (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device settings… (Ctrl+Shift+D)</source>
        <translation>Настройка оборудования… (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check unfinished operations (Ctrl+Shift+U)</source>
        <translation>Проверить незавершённые операции (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device settings…</source>
        <translation>Настройка оборудования…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cash desk</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A device is still working ({what}). Wait until it finishes, then close the window.</source>
        <translation>Оборудование ещё работает ({what}). Дождитесь окончания операции, затем закройте окно.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Asking the devices about unfinished operations…</source>
        <translation>Запрос к оборудованию о незавершённых операциях…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The cash desk settings cannot be used: {error} Open the device settings to fix them.</source>
        <translation>Настройки кассы нельзя использовать: {error} Исправьте их в настройке оборудования.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cash desk devices are not set up on this workstation: choose the desk, the fiscal registrar&apos;s port and the card terminal in the device settings. Until then no money can be taken here.</source>
        <translation>Кассовое оборудование на этом рабочем месте не настроено: выберите кассу, порт ККТ и терминал эквайринга в настройке оборудования. До этого принимать оплату здесь нельзя.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cash desk could not start: {error}</source>
        <translation>Не удалось подключить кассу: {error}</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../workstations/contracts/catalogue_page.py" line="+813"/>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;group…</source>
        <translation>Новая &amp;группа…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me the group…</source>
        <translation>&amp;Переименовать группу…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find by code or name…</source>
        <translation>Поиск по коду или наименованию…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New service</source>
        <translation>&amp;Новая услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the service</source>
        <translation>&amp;Сохранить услугу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue card</source>
        <translation>Карточка услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification (steps)</source>
        <translation>Спецификация (этапы)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>All services</source>
        <translation>Все услуги</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Without a group</source>
        <translation>Без группы</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Shown: {shown} of {total}</source>
        <translation>Показано: {shown} из {total}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catalogue</source>
        <translation>Справочник услуг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service has unsaved changes. Leave them unsaved?</source>
        <translation>В услуге есть несохранённые изменения. Отказаться от них?</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The service no longer exists.</source>
        <translation>Этой услуги больше нет.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New service</source>
        <translation>Новая услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the card and save it (Ctrl+S).</source>
        <translation>Заполните карточку и сохраните её (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not provided</source>
        <translation>не оказывается</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the service as complex first; then list its steps here.</source>
        <translation>Сначала сохраните услугу как комплексную, затем укажите здесь её этапы.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A simple service has no steps. Choose the kind “Complex” on the card to make it a set of services performed together, like a check-up.</source>
        <translation>У простой услуги нет этапов. Чтобы сделать её набором услуг, выполняемых вместе (например, профосмотр), выберите на карточке вид «Комплексная».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The service is saved.</source>
        <translation>Услуга сохранена.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The service is saved. Now list its steps on the “Specification” tab.</source>
        <translation>Услуга сохранена. Теперь укажите её этапы на вкладке «Спецификация».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The specification is saved: {count} steps.</source>
        <translation>Спецификация сохранена, этапов: {count}.</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <location filename="../../workstations/registrar/client_page.py" line="+50"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>Тип карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Заведена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card</source>
        <translation>Бумажная карта</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+101"/>
        <source>Correct the marked fields.</source>
        <translation>Исправьте отмеченные поля.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>← Search (Esc)</source>
        <translation>← Поиск (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical cards</source>
        <translation>Медицинские карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Сохранить изменения (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>Пере&amp;загрузить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>Загрузить заново</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open card of type…</source>
        <translation>Завести карту…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move paper card…</source>
        <translation>Переместить бумажную карту…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointments</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Communications</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insurer approvals</source>
        <translation>Согласования СК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sic&amp;k leave…</source>
        <translation>Листки &amp;нетрудоспособности…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s certificates of incapacity for work: open, print, spoil, duplicate</source>
        <translation>Листки нетрудоспособности клиента: открыть, напечатать, признать испорченным, выдать дубликат</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changed, not saved.</source>
        <translation>Изменено, не сохранено.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name}, born {date}</source>
        <translation>{name}, дата рождения {date}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Card {number} opened.</source>
        <translation>Заведена карта {number}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You may not open cards of any type</source>
        <translation>Вам не разрешено заводить карты</translation>
    </message>
</context>
<context>
    <name>ClientDetails</name>
    <message>
        <location filename="../../workstations/registrar/detail_dialogs.py" line="+43"/>
        <source>passport</source>
        <translation>паспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth certificate</source>
        <translation>свидетельство о рождении</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>foreign passport</source>
        <translation>заграничный паспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>residence permit</source>
        <translation>вид на жительство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other document</source>
        <translation>другой документ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OMS (compulsory)</source>
        <translation>ОМС (обязательное)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMS (voluntary)</source>
        <translation>ДМС (добровольное)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>registration</source>
        <translation>регистрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>residence</source>
        <translation>проживания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>parent</source>
        <translation>родитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>guardian</source>
        <translation>опекун</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trustee</source>
        <translation>попечитель</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Add document</source>
        <translation>Новый документ</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <location line="+35"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>&amp;Series</source>
        <translation>&amp;Серия</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+35"/>
        <source>&amp;Number</source>
        <translation>&amp;Номер</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Issued &amp;by</source>
        <translation>&amp;Кем выдан</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Issued on</source>
        <translation>Дата в&amp;ыдачи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Valid until</source>
        <translation>Действителен &amp;до</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add insurance policy</source>
        <translation>Новый страховой полис</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Insurer</source>
        <translation>&amp;Страховая компания</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+144"/>
        <source>Valid &amp;from</source>
        <translation>Действует &amp;с</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+144"/>
        <source>Valid &amp;to</source>
        <translation>Действует &amp;по</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Leave empty to remove the address</source>
        <translation>Оставьте пустым, чтобы удалить адрес</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Given on</source>
        <translation>&amp;Дата согласия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scope</source>
        <translation>&amp;Объём согласия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing of personal data for medical care</source>
        <translation>Обработка персональных данных для оказания медицинской помощи</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Withdraw consent</source>
        <translation>Отзыв согласия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Withdrawn on</source>
        <translation>Дата &amp;отзыва</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add legal representative</source>
        <translation>Новый законный представитель</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Surname, birth date, phone, SNILS…</source>
        <translation>Фамилия, дата рождения, телефон, СНИЛС…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Representative</source>
        <translation>&amp;Представитель</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;lation</source>
        <translation>&amp;Кем приходится</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Document</source>
        <translation>&amp;Документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. guardianship order No. …</source>
        <translation>например, постановление об опеке № …</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Find and choose the representative in the list.</source>
        <translation>Найдите представителя и выберите его в списке.</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/details_panel.py" line="+59"/>
        <source>given</source>
        <translation>дано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn {date}</source>
        <translation>отозвано {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+52"/>
        <location line="+8"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Series and number</source>
        <translation>Серия и номер</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued on</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Действителен до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by</source>
        <translation>Кем выдан</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Policy</source>
        <translation>Полис</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurer</source>
        <translation>Страховая компания</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <location line="+8"/>
        <source>Period</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Address of</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ward</source>
        <translation>Подопечный</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Documents</source>
        <extracomment>Emitted after the details on screen were replaced. The registrar asked to open another client (a representative or a ward): patient id. The add/withdraw dialog open now (tests drive it).</extracomment>
        <translation>Документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policies</source>
        <translation>Полисы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents</source>
        <translation>Согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representatives</source>
        <translation>Представители</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add document…</source>
        <translation>Добавить документ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Add policy…</source>
        <translation>Добавить полис…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set address…</source>
        <translation>Указать адрес…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given…</source>
        <translation>Согласие получено…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add representative…</source>
        <translation>Добавить представителя…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Open their card</source>
        <translation>Открыть его карточку</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Client card</source>
        <translation>Карточка клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected entry? Use this for mistakes only.</source>
        <translation>Удалить выбранную запись? Удаляйте только записи, внесённые по ошибке.</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/detail_dialogs.py" line="-169"/>
        <location filename="../../workstations/registrar/details_panel.py" line="-244"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/details_panel.py" line="+3"/>
        <source>Given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>Объём согласия</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relation</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Represents</source>
        <translation>Подопечные</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>As</source>
        <translation>В качестве</translation>
    </message>
</context>
<context>
    <name>ClientFinder</name>
    <message>
        <location filename="../../workstations/cashier/client_finder.py" line="+38"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Client: surname and initials, birth date, phone — or № and the order number</source>
        <extracomment>The text whose results are on screen (None before the first search finished).</extracomment>
        <translation>Фамилия и инициалы, дата рождения, телефон или № заказа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↓ to the list · Enter opens · Esc back to the box · an order without a card: №123</source>
        <translation>↓ к списку · Enter — открыть · Esc — назад к поиску · заказ без карты: №123</translation>
    </message>
</context>
<context>
    <name>ClientPickerDialog</name>
    <message>
        <location filename="../../workstations/registrar/order_dialogs.py" line="+52"/>
        <source>Surname and initials, birth date, phone, SNILS or card number</source>
        <extracomment>The client chosen (set when the dialog accepts).</extracomment>
        <translation>Фамилия и инициалы, дата рождения, телефон, СНИЛС или номер карты</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose (Enter)</source>
        <translation>Выбрать (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Found: {count}</source>
        <translation>Найдено: {count}</translation>
    </message>
</context>
<context>
    <name>Communications</name>
    <message>
        <location filename="../../medcenter_desktop/communications_panel.py" line="-181"/>
        <source>When</source>
        <extracomment>Bus name announced after a communication was logged or corrected. Jobs whose holders log communications (the database&apos;s grants decide; this only hides the button).</extracomment>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Повторный контакт</translation>
    </message>
</context>
<context>
    <name>CommunicationsPanel</name>
    <message>
        <location line="+294"/>
        <source>Add… (Ins)</source>
        <extracomment>The Add dialog open now (tests drive it).</extracomment>
        <translation>Добавить… (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a call, e-mail, message or talk with the patient</source>
        <translation>Зарегистрировать звонок, письмо, сообщение или беседу с пациентом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No communications logged.</source>
        <translation>Обращений нет.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Outcome: {outcome}</source>
        <translation>Результат: {outcome}</translation>
    </message>
</context>
<context>
    <name>ContractsPages</name>
    <message>
        <location filename="../../workstations/contracts/_pages_common.py" line="+170"/>
        <source>always</source>
        <extracomment>Operation-bus names of what these pages change (other open screens refresh on them). What the catalogue, payers and agreements pages announce: the lists these pages choose from change.</extracomment>
        <translation>бессрочно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {first}</source>
        <translation>с {first}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until {last}</source>
        <translation>по {last}</translation>
    </message>
</context>
<context>
    <name>ContractsTexts</name>
    <message>
        <location filename="../../workstations/contracts/_page_kit.py" line="+53"/>
        <location filename="../../workstations/contracts/catalogue_page.py" line="-934"/>
        <source>Simple</source>
        <translation>Простая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complex (several steps)</source>
        <translation>Комплексная (несколько этапов)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exempt from VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 0 %</source>
        <translation>НДС 0 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 5 %</source>
        <translation>НДС 5 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 7 %</source>
        <translation>НДС 7 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 10 %</source>
        <translation>НДС 10 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 20 %</source>
        <translation>НДС 20 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT 22 %</source>
        <translation>НДС 22 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any</source>
        <translation>Всем</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Men only</source>
        <translation>Только мужчинам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Women only</source>
        <translation>Только женщинам</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Company</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurer (voluntary insurance)</source>
        <translation>Страховая компания (ДМС)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compulsory insurance fund</source>
        <translation>Фонд ОМС (ТФОМС)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private person</source>
        <translation>Физическое лицо</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>Типовой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual</source>
        <translation>Индивидуальный</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Просрочен</translation>
    </message>
    <message>
        <location line="+350"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/agreements_page.py" line="-1083"/>
        <source>from {start}</source>
        <translation>с {start}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/contracts/catalogue_page.py" line="+562"/>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/contracts/payers_page.py" line="+272"/>
        <source>Payer</source>
        <extracomment>The payer in the editor (None: a new one, not saved yet).</extracomment>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(model agreement)</source>
        <translation>(типовой договор)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+504"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Due on</source>
        <translation>Срок оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount, ₽</source>
        <translation>Сумма, ₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid, ₽</source>
        <translation>Оплачено, ₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>Дата оплаты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/catalogue_page.py" line="-561"/>
        <source>Complex</source>
        <translation>Комплексная</translation>
    </message>
    <message>
        <location line="+560"/>
        <location filename="../../workstations/contracts/prices_page.py" line="+140"/>
        <source>Code</source>
        <extracomment>The service in the editor (None: a new one, not saved yet).</extracomment>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../workstations/contracts/payers_page.py" line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min.</source>
        <translation>Мин.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provided</source>
        <translation>Оказывается</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/payers_page.py" line="+1"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/prices_page.py" line="-4"/>
        <source>Price list</source>
        <translation>Прейскурант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price, ₽</source>
        <translation>Цена, ₽</translation>
    </message>
</context>
<context>
    <name>ContractsWindow</name>
    <message>
        <location filename="../../workstations/contracts/window.py" line="+42"/>
        <source>This part of the workstation is not available in this version.</source>
        <translation>Этот раздел рабочего места недоступен в данной версии.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Catalogue</source>
        <translation>Справочник услуг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price lists</source>
        <translation>Прейскуранты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payers</source>
        <translation>Плательщики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreements</source>
        <translation>Договоры</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quotas</source>
        <translation>Квоты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registers</source>
        <translation>Реестры</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
</context>
<context>
    <name>CreateUserDialog</name>
    <message>
        <location filename="../../workstations/administrator/user_dialogs.py" line="+264"/>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. ivanova</source>
        <translation>например, ivanova</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>П&amp;овтор пароля:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <location filename="../../workstations/doctor/day_panel.py" line="+214"/>
        <source>Office {number}</source>
        <translation>Кабинет {number}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>My day</source>
        <translation>Мой день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous day (Alt+Left)</source>
        <translation>Предыдущий день (Alt+Left)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next day (Alt+Right)</source>
        <translation>Следующий день (Alt+Right)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find patient (Ctrl+F)</source>
        <translation>Найти пациента (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My schedule</source>
        <translation>Моё расписание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived (F6)</source>
        <translation>Пришёл (F6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show (F7)</source>
        <translation>Не явился (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose day: your schedule or an office&apos;s</source>
        <translation>Чей день: ваше расписание или расписание кабинета</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No visits on this day.</source>
        <translation>На этот день приёмов нет.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Visits: %n</source>
        <translation>
            <numerusform>Приёмов: %n</numerusform>
            <numerusform>Приёмов: %n</numerusform>
            <numerusform>Приёмов: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>done: %n</source>
        <translation>
            <numerusform>принято: %n</numerusform>
            <numerusform>принято: %n</numerusform>
            <numerusform>принято: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>unpaid: %n</source>
        <translation>
            <numerusform>не оплачено: %n</numerusform>
            <numerusform>не оплачено: %n</numerusform>
            <numerusform>не оплачено: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>walk-ins (•): %n</source>
        <translation>
            <numerusform>без записи (•): %n</numerusform>
            <numerusform>без записи (•): %n</numerusform>
            <numerusform>без записи (•): %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../workstations/cashier/device_dialog.py" line="+56"/>
        <source>Cash desk devices</source>
        <translation>Кассовое оборудование</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>COM3, /dev/ttyACM0 or socket://host:port</source>
        <translation>COM3, /dev/ttyACM0 или socket://хост:порт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rounding and taxes (current firmware)</source>
        <translation>Округление и налоги (текущие прошивки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount groups (older firmware)</source>
        <translation>Группы скидок (старые прошивки)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No card terminal (cash only)</source>
        <translation>Без терминала (только наличные)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sberbank UPOS (sb_pilot / loadparm)</source>
        <translation>Сбербанк UPOS (sb_pilot / loadparm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingenico Telium (serial port)</source>
        <translation>Ingenico Telium (последовательный порт)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C:\sc552\loadparm.exe</source>
        <translation>C:\sc552\loadparm.exe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: the program&apos;s own folder</source>
        <translation>пусто: папка самой программы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>COM4</source>
        <translation>COM4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fiscal registrar (Shtrih-M)</source>
        <translation>ККТ (Штрих-М)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baud rate</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt closing (FF45)</source>
        <translation>Закрытие чека (FF45)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator password</source>
        <translation>Пароль оператора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card terminal</source>
        <translation>Терминал эквайринга</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+116"/>
        <source>UPOS program</source>
        <translation>Программа UPOS</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>UPOS folder</source>
        <translation>Папка UPOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telium port</source>
        <translation>Порт Telium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telium baud rate</source>
        <translation>Скорость Telium</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash desk</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved in {path}</source>
        <translation>Сохраняется в {path}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Asking the registrar…</source>
        <translation>Запрос к ККТ…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The settings file cannot be written: {error}</source>
        <translation>Не удалось записать файл настроек: {error}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>shift {number} open</source>
        <translation>смена {number} открыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift closed</source>
        <translation>смена закрыта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: registrar No. {serial}, {shift}.</source>
        <translation>Связь есть: ККТ № {serial}, {shift}.</translation>
    </message>
</context>
<context>
    <name>DiagnosesBox</name>
    <message>
        <location filename="../../workstations/doctor/diagnoses.py" line="+188"/>
        <source>Diagnoses (ICD-10)</source>
        <translation>Диагнозы (МКБ-10)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ICD-10:</source>
        <translation>&amp;МКБ-10:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code or words: J06.9, hypertension… (Ctrl+D)</source>
        <translation>Код или слова: J06.9, гипертензия… (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First time</source>
        <translation>Впервые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add (Enter)</source>
        <translation>Добавить (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete removes the diagnosis from the draft.</source>
        <translation>Delete удаляет диагноз из черновика.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A heading: choose one of the codes under it.</source>
        <translation>Это рубрика: выберите один из входящих в неё кодов.</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../workstations/registrar/order_dialogs.py" line="-235"/>
        <source>Manual discount</source>
        <extracomment>The order as stored after the discount (set when the dialog accepts).</extracomment>
        <translation>Ручная скидка</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Required: why the discount is given</source>
        <translation>Обязательно: укажите причину скидки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price × quantity</source>
        <translation>Цена × количество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discount</source>
        <translation>&amp;Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New amount</source>
        <translation>Новая сумма</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply the discount</source>
        <translation>Применить скидку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Say why the discount is given.</source>
        <translation>Укажите причину скидки.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{amount} ({off} off)</source>
        <translation>{amount} (скидка {off})</translation>
    </message>
</context>
<context>
    <name>DiscountsPage</name>
    <message>
        <location filename="../../workstations/contracts/discounts_page.py" line="+58"/>
        <source>men</source>
        <translation>мужчины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>women</source>
        <translation>женщины</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none (not set)</source>
        <translation>нет (не задан)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{percent} % surcharge</source>
        <translation>наценка {percent} %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{percent} % off</source>
        <translation>скидка {percent} %</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>aged {low}+</source>
        <translation>возраст {low}+</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aged up to {high}</source>
        <translation>возраст до {high}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aged {low}–{high}</source>
        <translation>возраст {low}–{high}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>anyone, any time</source>
        <translation>все, в любое время</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>all services</source>
        <translation>все услуги</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agreement {name}</source>
        <translation>договор {name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Активно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>Применяется к</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who and when</source>
        <translation>Кому и когда</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Job</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most</source>
        <translation>Не более</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Type the time of day as HH:MM (for example 08:00 and 10:30), or leave both times empty for any time.</source>
        <translation>Введите время суток в виде ЧЧ:ММ (например, 08:00 и 10:30) или оставьте оба поля пустыми — тогда в любое время.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick at least one day of the week.</source>
        <translation>Отметьте хотя бы один день недели.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Discount rules</source>
        <translation>Правила скидок</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A rule lowers (or, with a negative percentage, raises) the price of the services it names when all its conditions hold; the price engine applies the best matching active rule by itself. Rules are not deleted: clear “Active” to stop one.</source>
        <translation>Правило снижает (а при отрицательном проценте — повышает) цену указанных в нём услуг, когда выполнены все его условия; механизм расчёта цен сам применяет наиболее подходящее действующее правило. Правила не удаляются: чтобы отключить правило, снимите флажок «Активно».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ne&amp;w rule</source>
        <translation>Новое п&amp;равило</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;inactive</source>
        <translation>Пока&amp;зывать неактивные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual discounts by job</source>
        <translation>Ручные скидки по должностям</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The largest discount a person of each job may give by hand, with a reason. Double-click or press F2 on a percentage to change it; a job without a limit may give none.</source>
        <translation>Наибольшая скидка, которую сотрудник в каждой должности может дать вручную с указанием причины. Чтобы изменить процент, дважды щёлкните его или нажмите F2; должность без лимита не может давать ручные скидки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Percent</source>
        <translation>&amp;Процент</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service &amp;group</source>
        <translation>&amp;Группа услуг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ser&amp;vice</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ag&amp;reement</source>
        <translation>&amp;Договор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Card type</source>
        <translation>&amp;Тип карты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Se&amp;x</source>
        <translation>По&amp;л</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ag&amp;e from</source>
        <translation>&amp;Возраст с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Days</source>
        <translation>Дн&amp;и</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Time from</source>
        <translation>Вр&amp;емя с</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Va&amp;lid</source>
        <translation>Сро&amp;к действия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example: Students, weekday mornings</source>
        <translation>Например: студенты, утро будних дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 10</source>
        <translation>например, 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positive: a discount; negative: a surcharge</source>
        <translation>положительный — скидка, отрицательный — наценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any group</source>
        <translation>любая группа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any service of the group</source>
        <translation>любая услуга группы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any agreement or none</source>
        <translation>любой договор или без договора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any card</source>
        <translation>любая карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>either</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> y.</source>
        <translation> лет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t&amp;o</source>
        <translation>п&amp;о</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Active: the price engine applies this rule</source>
        <translation>&amp;Активно: правило применяется при расчёте цен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save rule</source>
        <translation>&amp;Сохранить правило</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo changes</source>
        <translation>Отменить из&amp;менения</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No discount rules yet: press “New rule”.</source>
        <translation>Правил скидок пока нет: нажмите «Новое правило».</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>New rule</source>
        <translation>Новое правило</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule “{name}”</source>
        <translation>Правило «{name}»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rule is saved.</source>
        <translation>Правило сохранено.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The manual-discount limit of “{job}” is saved.</source>
        <translation>Лимит ручной скидки для должности «{job}» сохранён.</translation>
    </message>
</context>
<context>
    <name>DoctorAppointments</name>
    <message>
        <location filename="../../workstations/doctor/appointments_box.py" line="-214"/>
        <source>paid</source>
        <translation>оплачено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to pay</source>
        <translation>к оплате</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>Срочность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Type a few letters of the service and choose it.</source>
        <translation>Введите несколько букв названия услуги и выберите её.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cancel the appointment</source>
        <translation>Отмена назначения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is it cancelled?</source>
        <translation>Почему назначение отменяется?</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Book the appointment</source>
        <translation>Запись на приём по назначению</translation>
    </message>
</context>
<context>
    <name>DoctorDay</name>
    <message>
        <location filename="../../workstations/doctor/day_panel.py" line="-291"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Walk-in: came without an appointment</source>
        <extracomment>Payment states that stop the service from being performed: highlighted the same way.</extracomment>
        <translation>Без записи: пациент пришёл без предварительной записи</translation>
    </message>
</context>
<context>
    <name>DoctorDiagnoses</name>
    <message>
        <location filename="../../workstations/doctor/diagnoses.py" line="-175"/>
        <source>Role</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>Диагноз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First time</source>
        <translation>Впервые</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first time</source>
        <translation>впервые</translation>
    </message>
</context>
<context>
    <name>DoctorFind</name>
    <message>
        <location filename="../../workstations/doctor/find_dialog.py" line="+33"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards</source>
        <translation>Карты</translation>
    </message>
</context>
<context>
    <name>DoctorHistory</name>
    <message>
        <location filename="../../workstations/doctor/history_tab.py" line="+37"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ver.</source>
        <translation>Верс.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnoses</source>
        <translation>Диагнозы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message numerus="yes">
        <location line="+132"/>
        <source>History (%n)</source>
        <translation>
            <numerusform>История (%n)</numerusform>
            <numerusform>История (%n)</numerusform>
            <numerusform>История (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoctorPrescriptions</name>
    <message>
        <location filename="../../workstations/doctor/prescriptions_box.py" line="+42"/>
        <source>active</source>
        <translation>действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>completed</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prescription</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>other route</source>
        <translation>другой путь введения</translation>
    </message>
</context>
<context>
    <name>DoctorRecord</name>
    <message>
        <location filename="../../workstations/doctor/record_editor.py" line="+162"/>
        <source>The patient has no medical card you may open: a record cannot be written.</source>
        <translation>У пациента нет медицинской карты, которую вам разрешено открывать: запись внести нельзя.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Draft saved.</source>
        <translation>Черновик сохранён.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fill in before signing: {fields}.</source>
        <translation>Перед подписанием заполните: {fields}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign the record</source>
        <translation>Подписание записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign the record? A signed record can no longer be changed: a correction becomes a new version.</source>
        <translation>Подписать запись? Подписанную запись изменить нельзя: исправление оформляется новой версией.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record is signed.</source>
        <translation>Запись подписана.</translation>
    </message>
</context>
<context>
    <name>DoctorRepeat</name>
    <message>
        <location filename="../../workstations/doctor/slot_dialog.py" line="+39"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
</context>
<context>
    <name>DoctorServices</name>
    <message>
        <location filename="../../workstations/doctor/services_tab.py" line="+88"/>
        <source>steps done {done}, skipped {skipped}, to do {left}</source>
        <translation>этапов выполнено {done}, пропущено {skipped}, осталось {left}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional</source>
        <translation>необязательный</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed</source>
        <translation>Выполнена</translation>
    </message>
</context>
<context>
    <name>DoctorTexts</name>
    <message>
        <location filename="../../workstations/doctor/texts.py" line="+16"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>main</source>
        <translation>основной</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accompanying</source>
        <translation>сопутствующий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complication</source>
        <translation>осложнение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>выполнен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to do</source>
        <translation>предстоит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UNPAID</source>
        <translation>НЕ ОПЛАЧЕНО</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed</source>
        <translation>подписана</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoctorWindow</name>
    <message>
        <location filename="../../workstations/doctor/window.py" line="+77"/>
        <source>This booking has no client card yet (booked by name and phone): the registry links it to a card when the patient arrives.</source>
        <translation>К этой записи на приём ещё не привязана карточка пациента (записан по ФИО и телефону): регистратура привяжет её, когда пациент придёт.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a patient in the day&apos;s list and press Enter, or find one with Ctrl+F.</source>
        <translation>Выберите пациента в списке на день и нажмите Enter или найдите его по Ctrl+F.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The record is not saved</source>
        <translation>Запись не сохранена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record of {patient} has changes that are not saved. Save the draft?</source>
        <translation>В записи пациента {patient} есть несохранённые изменения. Сохранить черновик?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Your login is not linked to a staff member, so there is no day&apos;s list. Ask the administrator to link it.</source>
        <translation>Ваша учётная запись не связана с сотрудником, поэтому списка на день нет. Попросите администратора связать её.</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <location filename="../../medcenter_desktop/document_preview.py" line="+69"/>
        <source>Pages: {count}</source>
        <translation>Страниц: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save PDF… (Ctrl+S)</source>
        <translation>Со&amp;хранить PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open in viewer</source>
        <translation>&amp;Открыть в программе просмотра</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Печать… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save PDF</source>
        <translation>Сохранение PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../workstations/cashier/documents_page.py" line="+50"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>Корректировка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued</source>
        <translation>Выдана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code 1</source>
        <translation>Код 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code 2</source>
        <translation>Код 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taxpayer</source>
        <translation>Налогоплательщик</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>The cash desk is not connected: see the notice at the top.</source>
        <translation>Касса не подключена: см. сообщение вверху окна.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash book sheet of {day}</source>
        <translation>Лист кассовой книги за {day}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Find the client (the patient) first.</source>
        <translation>Сначала найдите пациента.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find the taxpayer who paid for the patient.</source>
        <translation>Найдите налогоплательщика, оплатившего услуги пациента.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>Tax deduction certificate for {year}</source>
        <translation>Справка для налогового вычета за {year} год</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cash book (form KO-4)</source>
        <translation>Кассовая книга (форма КО-4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash book sheet… (Ctrl+K)</source>
        <translation>Лист кассовой книги… (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The organization&apos;s sheet for the day: every desk&apos;s cash receipts and expenses, numbered through the year.</source>
        <translation>Лист организации за день: приход и расход наличных всех касс, со сквозной нумерацией за год.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate of payment for medical services for the tax office (KND 1151156)</source>
        <translation>Справка об оплате медицинских услуг для представления в налоговый орган (КНД 1151156)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates issued to this client (Enter shows one)</source>
        <translation>Справки, выданные этому пациенту (Enter — показать)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax year</source>
        <translation>Отчётный год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxpayer&apos;s INN</source>
        <translation>ИНН налогоплательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient&apos;s INN</source>
        <translation>ИНН пациента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>Подписывает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid by another person (a parent, a spouse)</source>
        <translation>Оплатил другой человек (родитель, супруг)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 digits; without it, the identity document</source>
        <translation>12 цифр; без ИНН — по документу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 digits, when known</source>
        <translation>12 цифр, если известен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you, when empty</source>
        <translation>если пусто — вы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your position, when empty</source>
        <translation>если пусто — ваша должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue certificate (Ctrl+I)</source>
        <translation>Выдать справку (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Find the client (the patient).</source>
        <translation>Найдите пациента.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>code 1 (services): {one}
code 2 (expensive treatment): {two}</source>
        <translation>код 1 (услуги): {one}
код 2 (дорогостоящее лечение): {two}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taxpayer: {name}</source>
        <translation>Налогоплательщик: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxpayer: find them above</source>
        <translation>Налогоплательщик: найдите его выше</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <location filename="../../medcenter_desktop/credentials.py" line="+24"/>
        <source>This computer has no working password store, so the password cannot be remembered. You can log in without “Remember me”.</source>
        <translation>На этом компьютере нет работающего хранилища паролей, поэтому пароль нельзя запомнить. Войдите без флажка «Запомнить меня».</translation>
    </message>
    <message>
        <location filename="../../medcenter_desktop/embedded_server.py" line="+42"/>
        <source>The embedded database server could not start: {reason}</source>
        <translation>Не удалось запустить встроенный сервер базы данных: {reason}</translation>
    </message>
    <message>
        <location filename="../../medcenter_desktop/settings.py" line="+34"/>
        <source>Settings {path}: {key}: {problem}</source>
        <translation>Настройки {path}: {key}: {problem}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>not a host name or IP address</source>
        <translation>это не имя компьютера и не IP-адрес</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>a port is a whole number from 1 to 65535</source>
        <translation>порт — целое число от 1 до 65535</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a valid database name</source>
        <translation>недопустимое имя базы данных</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be one of disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>допустимые значения: disable, allow, prefer, require, verify-ca, verify-full</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a valid role namespace</source>
        <translation>недопустимое пространство имён ролей</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a workstation name has 1 to 40 printable characters</source>
        <translation>имя рабочего места — от 1 до 40 печатных символов</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+2"/>
        <source>an organization is given by its number</source>
        <translation>организация указывается её номером</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be one of system, ru, en</source>
        <translation>допустимые значения: system, ru, en</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the file is not UTF-8 text</source>
        <translation>файл не в кодировке UTF-8</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a settings file</source>
        <translation>это не файл настроек</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>given twice</source>
        <translation>указано дважды</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>passwords are never kept in the settings file; remove this key</source>
        <translation>пароли не хранятся в файле настроек; удалите этот параметр</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown key</source>
        <translation>неизвестный параметр</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing</source>
        <translation>не указано</translation>
    </message>
    <message>
        <location filename="../../shared/db/connection.py" line="+18"/>
        <source>Could not connect to the database server.</source>
        <translation>Не удалось подключиться к серверу базы данных.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong user name or password, or the user is locked. Check the keyboard layout and Caps Lock.</source>
        <translation>Неверное имя пользователя или пароль, либо пользователь заблокирован. Проверьте раскладку клавиатуры и Caps Lock.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database server {host}:{port} does not answer. Check the server address in the settings, the network cable, and that the server is running.</source>
        <translation>Сервер базы данных {host}:{port} не отвечает. Проверьте адрес сервера в настройках, сетевой кабель и то, что сервер запущен.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server has no database “{database}”. Ask IT staff to check the settings or to run “medcenter db bootstrap”.</source>
        <translation>На сервере нет базы данных «{database}». Попросите специалистов ИТ проверить настройки или выполнить «medcenter db bootstrap».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This user is locked. Ask the administrator to unlock it.</source>
        <translation>Пользователь заблокирован. Обратитесь к администратору для разблокировки.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This user may not connect to database “{database}”. Ask the administrator.</source>
        <translation>Этому пользователю не разрешено подключаться к базе данных «{database}». Обратитесь к администратору.</translation>
    </message>
    <message>
        <location filename="../../shared/db/migrate.py" line="+17"/>
        <source>The database “{database}” is at schema version {current}, but this program needs {head}. IT staff: run “medcenter db upgrade” against this server, then try again.</source>
        <translation>Схема базы данных «{database}» имеет версию {current}, а программе нужна {head}. Специалистам ИТ: выполните «medcenter db upgrade» для этого сервера и повторите попытку.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database “{database}” has no MedCenter schema yet. IT staff: run “medcenter db upgrade” against this server, then try again.</source>
        <translation>В базе данных «{database}» ещё нет схемы MedCenter. Специалистам ИТ: выполните «medcenter db upgrade» для этого сервера и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../shared/db/migration_helpers.py" line="+12"/>
        <source>This database belongs to role namespace “{stored}”, not “{requested}”.</source>
        <translation>Эта база данных относится к пространству имён ролей «{stored}», а не «{requested}».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The owner role “{owner}” does not exist. Run “medcenter db bootstrap” for database “{database}” first, or give the clinic&apos;s role namespace with --namespace.</source>
        <translation>Роль владельца «{owner}» не существует. Сначала выполните «medcenter db bootstrap» для базы данных «{database}» или укажите пространство имён ролей клиники параметром --namespace.</translation>
    </message>
    <message>
        <location filename="../../shared/db/roles.py" line="+57"/>
        <source>A user name starts with a Latin letter and has up to 20 lowercase Latin letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Имя пользователя начинается с латинской буквы и содержит до 20 строчных латинских букв, цифр, символов «_» или «-».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database name “{name}” cannot name a clinic: use up to 40 lowercase Latin letters, digits and &apos;_&apos;, starting with a letter.</source>
        <translation>Имя базы данных «{name}» не подходит для клиники: используйте до 40 строчных латинских букв, цифр и «_», начиная с буквы.</translation>
    </message>
    <message>
        <location filename="../../shared/errors.py" line="+24"/>
        <source>The operation could not be completed.</source>
        <translation>Операцию не удалось выполнить.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The configuration is invalid.</source>
        <translation>Ошибка в настройках.</translation>
    </message>
    <message>
        <location filename="../../shared/services/users.py" line="+27"/>
        <source>There is no job “{job}”.</source>
        <translation>Должностной роли «{job}» не существует.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user name “{login}” is already taken.</source>
        <translation>Имя пользователя «{login}» уже занято.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is the last active administrator: the clinic would have nobody to manage users.</source>
        <translation>Это последний действующий администратор: управлять пользователями стало бы некому.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You cannot change your own jobs, organizations, card access, staff link or lock. Ask another administrator.</source>
        <translation>Нельзя изменить собственные должностные роли, организации, доступ к картам, привязку к сотруднику или блокировку. Обратитесь к другому администратору.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no such user or staff member.</source>
        <translation>Такого пользователя или сотрудника нет.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user data is not valid: {detail}</source>
        <translation>Данные пользователя неверны: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This staff member already has a login.</source>
        <translation>У этого сотрудника уже есть учётная запись.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You do not have the rights for this action.</source>
        <translation>У вас нет прав на это действие.</translation>
    </message>
    <message>
        <location filename="../../medcenter_desktop/history_view.py" line="+199"/>
        <source>The patient number must be a whole number from 1 to {max}.</source>
        <translation>Номер пациента — целое число от 1 до {max}.</translation>
    </message>
    <message>
        <location filename="../../workstations/administrator/user_dialogs.py" line="-240"/>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Пароли не совпадают. Введите один и тот же пароль дважды.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one job: without one the user cannot open anything.</source>
        <translation>Выберите хотя бы одну роль: без неё пользователь не сможет открыть ни одно рабочее место.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose at least one organization the user works in.</source>
        <translation>Выберите хотя бы одну организацию, в которой работает пользователь.</translation>
    </message>
    <message>
        <location filename="../../shared/security/passwords.py" line="+17"/>
        <source>A password has 8 to 128 characters and at least three of: lowercase letters, uppercase letters, digits, other characters; it must not contain the user name.</source>
        <translation>Пароль — от 8 до 128 символов, минимум три вида из: строчные буквы, прописные буквы, цифры, прочие символы; имя пользователя в нём недопустимо.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The password is too weak: {reason} {policy}</source>
        <translation>Пароль слишком простой: {reason} {policy}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>it is shorter than 8 characters.</source>
        <translation>он короче 8 символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is longer than 128 characters.</source>
        <translation>он длиннее 128 символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it contains control characters.</source>
        <translation>в нём есть управляющие символы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it uses fewer than three kinds of characters.</source>
        <translation>в нём меньше трёх видов символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it contains the user name.</source>
        <translation>в нём есть имя пользователя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is a well-known password.</source>
        <translation>это широко известный пароль.</translation>
    </message>
    <message>
        <location filename="../../shared/services/audit.py" line="+20"/>
        <source>The history filter is not valid: {detail}</source>
        <translation>Фильтр истории задан неверно: {detail}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>the period starts after it ends</source>
        <extracomment>Inclusive: the whole day.</extracomment>
        <translation>начало периода позже его конца</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown table</source>
        <translation>неизвестная таблица</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the row limit must be positive</source>
        <translation>число строк должно быть положительным</translation>
    </message>
    <message>
        <location filename="../../shared/services/patient_input.py" line="+22"/>
        <source>Some fields are filled in wrongly: {fields}.</source>
        <translation>Некоторые поля заполнены неверно: {fields}.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter the date as dd.mm.yyyy.</source>
        <translation>Введите дату в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no such date.</source>
        <translation>Такой даты не существует.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A phone number has only digits, spaces, +, (, ) and -.</source>
        <translation>Номер телефона содержит только цифры, пробелы, +, (, ) и -.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A phone number has 5 to 15 digits.</source>
        <translation>В номере телефона от 5 до 15 цифр.</translation>
    </message>
    <message>
        <location filename="../../shared/services/card_numbering.py" line="+52"/>
        <source>At most 10 characters.</source>
        <translation>Не более 10 символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shared/services/client_details.py" line="+95"/>
        <location filename="../../shared/services/patient_input.py" line="+10"/>
        <source>Remove tabs and line breaks.</source>
        <extracomment>People who represent this client. People this client represents (children, wards).</extracomment>
        <translation>Уберите табуляции и переводы строк.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From 1 to 12 digits.</source>
        <translation>От 1 до 12 разрядов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A whole number from 1.</source>
        <translation>Целое число от 1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number does not fit in the digits given.</source>
        <translation>Номер не помещается в заданное число разрядов.</translation>
    </message>
    <message>
        <location filename="../../shared/services/client_details.py" line="-73"/>
        <location filename="../../shared/services/patient_input.py" line="+5"/>
        <location line="+18"/>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <location filename="../../shared/services/patient_input.py" line="-15"/>
        <source>At most 100 characters.</source>
        <translation>Не более 100 символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only letters, spaces, hyphens and apostrophes.</source>
        <translation>Только буквы, пробелы, дефисы и апострофы.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The birth date is in the future.</source>
        <translation>Дата рождения в будущем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date is before 1900.</source>
        <translation>Дата рождения раньше 1900 года.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the sex.</source>
        <translation>Выберите пол.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SNILS has 11 digits.</source>
        <translation>В СНИЛС 11 цифр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SNILS check number does not match: a typo?</source>
        <translation>Контрольное число СНИЛС не сходится: возможно, опечатка?</translation>
    </message>
    <message>
        <location filename="../../shared/services/client_details.py" line="+79"/>
        <source>The text is too long.</source>
        <translation>Текст слишком длинный.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The date is in the future.</source>
        <translation>Дата в будущем.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a value from the list.</source>
        <translation>Выберите значение из списка.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+114"/>
        <location filename="../../shared/services/contracts.py" line="+59"/>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>A passport series has 4 digits.</source>
        <translation>Серия паспорта состоит из 4 цифр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A passport number has 6 digits.</source>
        <translation>Номер паспорта состоит из 6 цифр.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A birth certificate number has 6 digits.</source>
        <translation>Номер свидетельства о рождении состоит из 6 цифр.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../shared/services/patient_input.py" line="+3"/>
        <source>A compulsory insurance policy number has 16 digits.</source>
        <translation>В номере полиса ОМС 16 цифр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shared/services/patient_input.py" line="+2"/>
        <source>The policy number&apos;s check digit does not match: a typo?</source>
        <translation>Контрольная цифра полиса не сходится: возможно, опечатка?</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>A person cannot represent themselves.</source>
        <translation>Человек не может быть законным представителем самого себя.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This person is already named with this relation, or does not exist.</source>
        <translation>Этот человек уже указан с таким отношением или не существует.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The entry is no longer there: someone removed it. The list is reloaded.</source>
        <translation>Этой записи уже нет: её кто-то удалил. Список обновлён.</translation>
    </message>
    <message>
        <location filename="../../shared/services/patient_input.py" line="+11"/>
        <source>Not an e-mail address.</source>
        <translation>Это не адрес электронной почты.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail notifications need an address.</source>
        <translation>Для уведомлений по электронной почте нужен адрес.</translation>
    </message>
    <message>
        <location filename="../../shared/services/patients.py" line="+33"/>
        <source>This person may already be registered ({count} similar). Check the list before saving.</source>
        <translation>Возможно, этот человек уже зарегистрирован (похожих: {count}). Проверьте список перед сохранением.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record was changed by {user} at {time}. Reload it and enter your changes again.</source>
        <translation>Запись изменил(а) {user} в {time}. Загрузите её заново и внесите свои изменения ещё раз.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You have no access to cards of this type in this organization, or there is no such card.</source>
        <translation>У вас нет доступа к картам этого вида в этой организации, или такой карты нет.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These records cannot be merged: {reason}</source>
        <translation>Эти записи нельзя объединить: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say where the paper card goes: {reason}</source>
        <translation>Укажите, куда передаётся бумажная карта: {reason}</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>unknown place</source>
        <translation>неизвестное место</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an office is chosen exactly when the card goes to one</source>
        <translation>кабинет указывается только тогда, когда карта передаётся в кабинет</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a record cannot be merged into itself.</source>
        <translation>запись нельзя объединить саму с собой.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of them does not exist.</source>
        <translation>одной из них не существует.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one of them was merged already.</source>
        <translation>одна из них уже объединена.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the head of registry may merge records.</source>
        <translation>объединять записи может только заведующий регистратурой.</translation>
    </message>
    <message>
        <location filename="../../shared/services/reference_admin.py" line="+64"/>
        <source>“{field}” must be filled in.</source>
        <extracomment>A fiscal registrar&apos;s factory number: ASCII digits only (&apos;&apos; = any registrar). OKPO: 8 digits for an organization, 10 for an individual entrepreneur (&apos;&apos; = not known).</extracomment>
        <translation>Поле «{field}» должно быть заполнено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” is too long: at most {limit} characters.</source>
        <translation>Поле «{field}» слишком длинное: не более {limit} символов.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” contains control characters (such as tabs or line breaks) that are not allowed there.</source>
        <translation>В поле «{field}» есть недопустимые управляющие символы (например, табуляция или перевод строки).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The INN must have 10 or 12 digits with correct check digits.</source>
        <translation>ИНН состоит из 10 или 12 цифр с верными контрольными цифрами.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The OGRN must have 13 digits (15 for an individual entrepreneur) with a correct check digit.</source>
        <translation>ОГРН состоит из 13 цифр (ОГРНИП — из 15) с верной контрольной цифрой.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{zone}” is not a known time zone; use a name such as Europe/Moscow.</source>
        <translation>«{zone}» — неизвестный часовой пояс; укажите название вида Europe/Moscow.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unpaid services are either refused or performed after a warning (given: “{rule}”).</source>
        <translation>Неоплаченные услуги либо не выполняются, либо выполняются после предупреждения (указано: «{rule}»).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown kind of department: “{kind}”.</source>
        <translation>Неизвестный тип подразделения: «{kind}».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” must be between {low} and {high}.</source>
        <translation>Значение поля «{field}» должно быть от {low} до {high}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dismissal date cannot be earlier than the hiring date.</source>
        <translation>Дата увольнения не может быть раньше даты приёма на работу.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A record with this “{field}” already exists.</source>
        <translation>Запись с таким значением поля «{field}» уже существует.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This record is used by other records and cannot be deleted. Deactivate it instead where the list allows it.</source>
        <translation>На эту запись ссылаются другие записи, удалить её нельзя. Вместо этого сделайте её неактивной, если справочник это позволяет.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The chosen “{field}” does not exist any more. Reload and choose again.</source>
        <translation>Выбранное значение поля «{field}» больше не существует. Обновите данные и выберите заново.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The chosen “{field}” belongs to another organization.</source>
        <translation>Выбранное значение поля «{field}» относится к другой организации.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A department cannot be part of itself or of its own subdivision.</source>
        <translation>Подразделение не может входить само в себя или в собственное подчинённое подразделение.</translation>
    </message>
    <message>
        <location filename="../../shared/services/concurrency.py" line="+15"/>
        <source>This record was changed by {user} at {time} while you were editing it. Reload it and make your changes again.</source>
        <translation>Пока вы редактировали запись, её изменил(а) {user} в {time}. Загрузите её заново и внесите свои изменения ещё раз.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This record was changed by another user while you were editing it. Reload it and make your changes again.</source>
        <translation>Пока вы редактировали запись, её изменил другой пользователь. Загрузите её заново и внесите свои изменения ещё раз.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This record no longer exists: somebody deleted it. Reload the list.</source>
        <translation>Этой записи больше нет: её кто-то удалил. Обновите список.</translation>
    </message>
    <message>
        <location filename="../../shared/services/reference_admin.py" line="+4"/>
        <source>“{field}” may contain only digits, at most {limit} of them.</source>
        <translation>«{field}» может содержать только цифры, не больше {limit}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” must have 8 digits (10 for an individual entrepreneur) or be left empty.</source>
        <translation>«{field}» должен состоять из 8 цифр (10 для индивидуального предпринимателя) или быть пустым.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Records of this list cannot be deactivated.</source>
        <translation>Записи этого справочника нельзя сделать неактивными.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Name</source>
        <extracomment>Performing a service that is neither paid nor covered: &apos;block&apos; refuses it, &apos;warn&apos; asks the doctor. The choices of ``OrganizationValues.unpaid_performance``. Field labels, as source texts of the DomainError context (they are filled into messages).</extracomment>
        <translation>Наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short name</source>
        <translation>Краткое наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of</source>
        <translation>Входит в</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hired</source>
        <translation>Дата приёма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed</source>
        <translation>Дата увольнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrar No.</source>
        <translation>Заводской № ККТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OKPO</source>
        <translation>ОКПО</translation>
    </message>
    <message>
        <location filename="../../workstations/head_of_registry/calendar_ops.py" line="+58"/>
        <location filename="../../workstations/registrar/booking_ops.py" line="+40"/>
        <source>You work in no medical organization yet: ask the administrator to add you to one.</source>
        <extracomment>Bus name announced when calendar days or working hours change. Working hours as typed: weekday (1 = Monday) -&gt; (opens, closes) like &quot;08:00&quot;, or None when closed. (id, name) of the organization&apos;s departments, and the hours of those that keep their own.
----------
Bus names announced after a change.</extracomment>
        <translation>Вы пока не работаете ни в одной медицинской организации: попросите администратора добавить вас в организацию.</translation>
    </message>
    <message>
        <location filename="../../medcenter_desktop/pdf_view.py" line="+27"/>
        <source>This installation cannot draw PDF pages (Qt&apos;s PDF module is missing). Save the PDF and print it from a PDF viewer.</source>
        <extracomment>Print resolution cap: enough for small print, modest for the printer&apos;s memory.</extracomment>
        <translation>В этой установке программы нельзя отрисовать страницы PDF (нет модуля Qt PDF). Сохраните PDF и распечатайте его из программы просмотра PDF.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The printer could not be started. Check it and try again.</source>
        <translation>Не удалось начать печать. Проверьте принтер и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../shared/services/booking.py" line="+45"/>
        <source>The booking cannot be made: {reason}</source>
        <translation>Записать на приём нельзя: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the time has already passed.</source>
        <translation>это время уже прошло.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time is outside the working hours of the schedule (or falls on a break).</source>
        <translation>время вне рабочих часов по расписанию (или приходится на перерыв).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this doctor or room does not perform the service.</source>
        <translation>этот врач или кабинет не оказывает эту услугу.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the service is provided to women only.</source>
        <translation>услуга оказывается только женщинам.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the service is provided to men only.</source>
        <translation>услуга оказывается только мужчинам.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the patient is younger than the service allows ({age}).</source>
        <translation>возраст пациента ({age}) меньше допустимого для услуги.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the patient is older than the service allows ({age}).</source>
        <translation>возраст пациента ({age}) больше допустимого для услуги.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the day&apos;s maximum number of patients is reached.</source>
        <translation>достигнуто максимальное число пациентов за день.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time reserved for this booking channel is used up.</source>
        <translation>время, выделенное для этого канала записи, исчерпано.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose a client, or give a name and a phone for an anonymous booking.</source>
        <translation>выберите пациента или укажите ФИО и телефон для записи без карточки.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown booking channel.</source>
        <translation>неизвестный канал записи.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time has no time zone.</source>
        <translation>у времени не указан часовой пояс.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the service or the resource is no longer in use.</source>
        <translation>услуга или ресурс больше не используются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client&apos;s record was merged into another one.</source>
        <translation>запись пациента объединена с другой.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This time has just been taken by someone else. The nearest free times are offered instead.</source>
        <translation>Это время только что занял другой пользователь. Предлагается ближайшее свободное время.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The booking was changed by {user} at {time}. Reload it and try again.</source>
        <translation>Запись на приём изменил(а) {user} в {time}. Обновите данные и повторите попытку.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A booking that is &apos;{old}&apos; cannot become &apos;{new}&apos;.</source>
        <translation>Запись в статусе «{old}» нельзя перевести в статус «{new}».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The booking no longer exists or is not available to you.</source>
        <translation>Запись на приём больше не существует или недоступна вам.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The waiting list entry is no longer waiting: it was booked or withdrawn meanwhile.</source>
        <translation>Пациента уже нет в листе ожидания: за это время его записали на приём или убрали из списка.</translation>
    </message>
    <message>
        <location filename="../../shared/services/appointments.py" line="+65"/>
        <source>This service is not in the organization&apos;s catalogue or is no longer provided: choose another.</source>
        <translation>Этой услуги нет в каталоге организации или она больше не оказывается: выберите другую.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An appointment is routine, urgent or cito (given: {urgency}).</source>
        <translation>Срочность назначения — планово, срочно или cito (указано: {urgency}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number of services is a whole number from 1 to 100.</source>
        <translation>Количество услуг — целое число от 1 до 100.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date to do it by ({due}) has already passed.</source>
        <translation>Срок выполнения ({due}) уже прошёл.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date to do it by is not a date.</source>
        <translation>Срок выполнения — не дата.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An appointment is made in a visit record, or in a medical card when there is no record.</source>
        <translation>Назначение делается в записи о приёме, а если записи нет — в медицинской карте.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment no longer exists or is not available to you. Reload the list.</source>
        <translation>Этого назначения больше нет или оно вам недоступно. Обновите список.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment is {status}: it can no longer be changed.</source>
        <translation>Статус назначения — «{status}»: изменить его больше нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This appointment is already {status}: only a planned appointment can be ordered or changed.</source>
        <translation>Статус назначения уже — «{status}»: заказать или изменить можно только запланированное назначение.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment is {status}: only a planned or ordered appointment can be booked.</source>
        <translation>Статус назначения — «{status}»: записать на приём можно только запланированное или заказанное назначение.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment is already {status}: cancel it instead of removing it.</source>
        <translation>Статус назначения уже — «{status}»: отмените его, а не удаляйте.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The appointments chosen are of different patients or organizations: order them separately.</source>
        <translation>Выбранные назначения относятся к разным пациентам или организациям: заказывайте их по отдельности.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the appointments to order.</source>
        <translation>Выберите назначения для заказа.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the appointment is cancelled.</source>
        <translation>Укажите причину отмены назначения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient has paid for this service (or is paying for it now): the cash desk refunds the money first, then the appointment can be cancelled.</source>
        <translation>Пациент оплатил эту услугу (или оплачивает её сейчас): сначала касса возвращает деньги, затем назначение можно отменить.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This appointment was made by {author}: only they may change or remove it.</source>
        <translation>Это назначение сделал(а) {author}: изменить или удалить его может только автор.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your job does not allow prescribing services or medications.</source>
        <translation>Ваша должность не позволяет назначать услуги и лекарственные препараты.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The order line is of another patient or service than the appointment.</source>
        <extracomment>The jobs that write visit records, and so prescribe (the database grants the same).</extracomment>
        <translation>Строка заказа относится к другому пациенту или другой услуге, чем назначение.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>planned</source>
        <translation>запланировано</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shared/services/booking.py" line="+4"/>
        <location filename="../../shared/services/orders.py" line="+84"/>
        <source>booked</source>
        <translation>записан</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>routine</source>
        <translation>планово</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent</source>
        <translation>срочно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cito</source>
        <translation>cito</translation>
    </message>
    <message>
        <location filename="../../shared/services/booking.py" line="+1"/>
        <source>confirmed</source>
        <translation>подтверждён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arrived</source>
        <translation>пришёл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>на приёме</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>принят</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no-show</source>
        <translation>не явился</translation>
    </message>
    <message>
        <location filename="../../shared/services/appointments.py" line="-5"/>
        <location filename="../../shared/services/booking.py" line="+1"/>
        <location filename="../../shared/services/orders.py" line="+4"/>
        <location filename="../../shared/services/prescriptions.py" line="+84"/>
        <location filename="../../shared/services/sick_leave.py" line="+96"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../shared/services/booking.py" line="+1"/>
        <source>moved to another time</source>
        <translation>перенесён на другое время</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say why the booking is cancelled.</source>
        <translation>Укажите причину отмены записи.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The wanted period ends before it starts.</source>
        <translation>Желаемый период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+751"/>
        <source>This booking already belongs to a client&apos;s record.</source>
        <translation>Эта запись уже привязана к карте пациента.</translation>
    </message>
    <message>
        <location filename="../../shared/services/calendar.py" line="+25"/>
        <source>The calendar cannot be changed: {reason}</source>
        <translation>Календарь нельзя изменить: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown kind of day.</source>
        <translation>неизвестный тип дня.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opening hours must end after they start, within one day.</source>
        <translation>часы работы должны заканчиваться позже, чем начинаются, в пределах одних суток.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the calendar is kept for years 2000 to 2100.</source>
        <translation>календарь ведётся только на 2000–2100 годы.</translation>
    </message>
    <message>
        <location filename="../../shared/services/schedule_rules.py" line="+19"/>
        <source>The schedule cannot be saved: {reason}</source>
        <translation>Расписание нельзя сохранить: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a time must look like 08:30 (00:00 to 24:00).</source>
        <translation>время вводится в виде 08:30 (от 00:00 до 24:00).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a time range ends when it starts.</source>
        <translation>у интервала совпадают начало и конец.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a time range ends before it starts. A shift across midnight is entered as two ranges: until 24:00 on the first day and from 00:00 on the next.</source>
        <translation>интервал заканчивается раньше, чем начинается. Смена через полночь вводится двумя интервалами: до 24:00 в первый день и с 00:00 на следующий.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>two working ranges of one day overlap.</source>
        <translation>два интервала работы в один день пересекаются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a break must lie inside a working range of its day.</source>
        <translation>перерыв должен находиться внутри интервала работы того же дня.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two breaks of one day overlap.</source>
        <translation>два перерыва в один день пересекаются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the template has no working hours.</source>
        <translation>в шаблоне нет рабочих часов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a day of the template is outside its cycle.</source>
        <translation>день шаблона выходит за пределы цикла.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the period ends before it starts.</source>
        <translation>период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a shift cycle is 2 to 28 days long.</source>
        <translation>длина сменного цикла — от 2 до 28 дней.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the template a name.</source>
        <translation>укажите название шаблона.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a schedule is generated for at most 366 days at once.</source>
        <translation>расписание формируется не более чем на 366 дней за один раз.</translation>
    </message>
    <message>
        <location filename="../../shared/services/schedules.py" line="+35"/>
        <source>The record no longer exists or is not available to you.</source>
        <translation>Эти данные больше не существуют или недоступны вам.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The doctor, office or equipment no longer exists or is not available to you.</source>
        <translation>Врач, кабинет или оборудование больше не существует или недоступно вам.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schedule template no longer exists.</source>
        <translation>Шаблон расписания больше не существует.</translation>
    </message>
    <message>
        <location filename="../../shared/services/pricing.py" line="+54"/>
        <source>The client pays personally: retail price list “{list}”.</source>
        <translation>Пациент оплачивает сам: розничный прейскурант «{list}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client pays personally under the public offer {number}.</source>
        <translation>Пациент оплачивает сам по публичной оферте {number}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid by {payer} under agreement {number} valid {period}.</source>
        <translation>Оплачивает {payer} по договору {number}, срок действия: {period}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} agreements with this payer apply; {number} was chosen as the one signed last.</source>
        <translation>С этим плательщиком действует несколько договоров ({count}); выбран {number} как подписанный последним.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement&apos;s own price of the service: {price}.</source>
        <translation>Собственная цена услуги по договору: {price}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price list “{list}” on {day}: {price}.</source>
        <translation>Прейскурант «{list}» на {day}: {price}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markup of the agreement {percent}%: {price}.</source>
        <translation>Наценка по договору {percent}%: {price}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount of the agreement {percent}%: {price}.</source>
        <translation>Скидка по договору {percent}%: {price}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount “{rule}” {percent}%: {amount} off.</source>
        <translation>Скидка «{rule}» {percent}%: минус {amount}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surcharge “{rule}” {percent}%: {price}.</source>
        <translation>Наценка «{rule}» {percent}%: {price}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota “{quota}”: {count} services and {amount} roubles left before this line.</source>
        <translation>Квота «{quota}»: до этой строки оставалось услуг — {count}, сумма — {amount} руб.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No active agreement with {payer} covers “{service}” on {day}.</source>
        <translation>Нет действующего договора с плательщиком {payer}, который распространялся бы на услугу «{service}» на дату {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement {number} with {payer} is valid {period}: it does not cover {day}.</source>
        <translation>Договор {number} с плательщиком {payer} действует {period} и не распространяется на {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement {number} is not in force (a draft or closed): it cannot be used for orders.</source>
        <translation>Договор {number} не действует (черновик или закрыт): по нему нельзя оформлять заказы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement {number} is not an agreement with {payer}.</source>
        <translation>Договор {number} заключён не с плательщиком {payer}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreement {number} does not cover “{service}”.</source>
        <translation>Договор {number} не распространяется на услугу «{service}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{service}” has no price in the price list “{list}” on {day}.</source>
        <translation>У услуги «{service}» нет цены в прейскуранте «{list}» на {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The organization has no default price list: the contracts department sets one up.</source>
        <translation>У организации нет прейскуранта по умолчанию: его задаёт договорной отдел.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{service}” is not provided on {day}.</source>
        <translation>Услуга «{service}» на {day} не оказывается.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/services/schedules.py" line="+1"/>
        <source>The service no longer exists or is not available to you.</source>
        <translation>Услуга больше не существует или недоступна вам.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payer no longer exists or is inactive.</source>
        <translation>Плательщика больше нет, или он неактивен.</translation>
    </message>
    <message>
        <location filename="../../shared/services/schedules.py" line="+1"/>
        <source>The schedule exception no longer exists.</source>
        <translation>Исключение в расписании больше не существует.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A load rate is the number of minutes a service takes: a whole number from 1 to 1440.</source>
        <translation>Норма времени — число минут, которое занимает услуга: целое число от 1 до 1440.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Channel shares are percentages from 0 to 100 that add up to 100 at most (now {total}).</source>
        <translation>Доли каналов записи — проценты от 0 до 100, в сумме не более 100 (сейчас {total}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{day} is a day off in the production calendar ({note}). Confirm to work on it anyway.</source>
        <translation>{day} — нерабочий день по производственному календарю ({note}). Подтвердите, если в этот день всё же нужно работать.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a day off</source>
        <translation>выходной</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On {day} two schedule templates of this resource overlap. Shorten the validity of one of them.</source>
        <translation>{day} у этого ресурса действуют сразу два шаблона расписания. Сократите срок действия одного из них.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>give the equipment a name.</source>
        <translation>укажите название оборудования.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the maximum number of patients per day is from 1 to 500, or empty for no limit.</source>
        <translation>максимальное число пациентов в день — от 1 до 500; пустое значение — без ограничения.</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>a changed day is one day.</source>
        <translation>изменённый день задаётся только на одну дату.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a changed day needs its working hours; for a day without work add a day off.</source>
        <translation>для изменённого дня нужны рабочие часы; для дня без работы добавьте выходной.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an absence has no working hours.</source>
        <translation>у отсутствия не может быть рабочих часов.</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>the generated working hours of one resource overlap; check its templates and changed days.</source>
        <translation>сформированные часы работы одного ресурса пересекаются; проверьте его шаблоны и изменённые дни.</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/registers_page.py" line="+121"/>
        <source>The register could not be written to {path}: {reason}. Choose another folder or file name.</source>
        <translation>Не удалось записать реестр в файл {path}: {reason}. Выберите другую папку или другое имя файла.</translation>
    </message>
    <message>
        <location filename="../../shared/services/catalogue.py" line="+30"/>
        <source>Enter the code and the name of the service.</source>
        <translation>Введите код и наименование услуги.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the code and the name of the group.</source>
        <translation>Введите код и наименование группы.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code {code} is already used by another entry of the catalogue.</source>
        <translation>Код {code} уже используется другой записью справочника услуг.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duration is a whole number of minutes from 1 to 1440.</source>
        <translation>Длительность — целое число минут от 1 до 1440.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/services/contracts.py" line="+1"/>
        <source>The age limits are whole years from 0 to 150, the lower not above the upper.</source>
        <translation>Возрастные ограничения — целое число лет от 0 до 150, нижняя граница не больше верхней.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service stops being provided before it starts.</source>
        <translation>Дата окончания оказания услуги раньше даты начала.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind of service or VAT rate.</source>
        <translation>Неизвестный вид услуги или ставка НДС.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A specification lists simple services of the same organization, each once, in order; a complex service cannot be its own step.</source>
        <translation>В спецификацию входят простые услуги той же организации, каждая по одному разу, по порядку; комплексная услуга не может быть собственным этапом.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This service is a step of a complex service or has a specification of its own: change the specification first.</source>
        <translation>Эта услуга — этап комплексной услуги или имеет собственную спецификацию: сначала измените спецификацию.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the name of the price list.</source>
        <translation>Введите наименование прейскуранта.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A price list named {name} already exists.</source>
        <translation>Прейскурант с наименованием {name} уже существует.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A price is an amount of roubles and kopecks from 0 to 9 999 999.99 (entered: {value}).</source>
        <translation>Цена — сумма в рублях и копейках от 0 до 9 999 999,99 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The price list already has a price of this service for part of that period (from {start}). Change that price&apos;s period first.</source>
        <translation>В прейскуранте уже есть цена этой услуги на часть этого периода (с {start}). Сначала измените период действия той цены.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The price&apos;s period ends before it starts.</source>
        <translation>Период действия цены заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../shared/services/contracts.py" line="-30"/>
        <source>Enter the payer&apos;s name.</source>
        <translation>Введите наименование плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown kind of payer.</source>
        <translation>Неизвестный вид плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The INN {inn} is not valid: check the digits.</source>
        <translation>ИНН {inn} указан неверно: проверьте цифры.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A company, an insurer or the insurance fund needs its INN.</source>
        <translation>Для организации, страховой компании или фонда ОМС нужно указать ИНН.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The KPP is nine characters: four digits, two digits or capital letters, three digits.</source>
        <translation>КПП состоит из девяти символов: четыре цифры, две цифры или прописные буквы, три цифры.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The OGRN {ogrn} is not valid: check the digits.</source>
        <translation>ОГРН {ogrn} указан неверно: проверьте цифры.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the number and the name of the agreement.</source>
        <translation>Укажите номер и наименование договора.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An agreement numbered {number} already exists.</source>
        <translation>Договор с номером {number} уже существует.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreement expires ({end}) before it starts ({start}).</source>
        <translation>Срок действия договора заканчивается ({end}) раньше, чем начинается ({start}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An individual agreement needs a payer.</source>
        <translation>Для индивидуального договора нужно указать плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A markup or discount is a percentage above -100 and at most 1000 (entered: {value}).</source>
        <translation>Наценка или скидка — процент больше -100 и не более 1000 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown status of the agreement.</source>
        <translation>Неизвестный статус договора.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual agreements are created from a model agreement.</source>
        <translation>Индивидуальные договоры создаются на основе типового договора.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model agreement is closed: agreements are no longer made from it.</source>
        <translation>Типовой договор закрыт: договоры на его основе больше не заключаются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payer is inactive or no longer exists.</source>
        <translation>Плательщик неактивен или больше не существует.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only one public offer may be in force at a time: close the one in force first.</source>
        <translation>Одновременно может действовать только одна публичная оферта: сначала закройте действующую.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A service is listed twice in the agreement.</source>
        <translation>Услуга указана в договоре дважды.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment term is a number of days from 0 to 365.</source>
        <translation>Срок оплаты — число дней от 0 до 365.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scheduled payment needs a due date and an amount above zero; the paid amount cannot exceed it.</source>
        <translation>Для платежа по графику нужны срок оплаты и сумма больше нуля; оплаченная сумма не может её превышать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name of the rule.</source>
        <translation>Укажите название правила.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A discount is a percentage from -100 to 100 other than zero (entered: {value}).</source>
        <translation>Скидка — процент от -100 до 100, не равный нулю (введено: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time of day is from 00:00 to 24:00, the end after the start.</source>
        <translation>Время суток — от 00:00 до 24:00, конец позже начала.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekdays are numbers from 1 (Monday) to 7 (Sunday).</source>
        <translation>Дни недели — числа от 1 (понедельник) до 7 (воскресенье).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount limit is a percentage from 0 to 100.</source>
        <translation>Лимит скидки — процент от 0 до 100.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the name of the quota.</source>
        <translation>Укажите название квоты.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A quota limits the number of services, the amount of money, or both; neither may be negative.</source>
        <translation>Квота ограничивает количество услуг, сумму или и то и другое; отрицательные значения недопустимы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown source of the quota.</source>
        <translation>Неизвестный источник квоты.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The quota is already used for {count} services and {amount} roubles: the limit cannot be set below that.</source>
        <translation>По квоте уже использовано: услуг — {count}, на сумму {amount} руб. Лимит нельзя установить ниже.</translation>
    </message>
    <message>
        <location line="+518"/>
        <source>This entry is already used by orders: switch it off (“Active”) instead of deleting it.</source>
        <extracomment>Performed under the agreement only with the insurer&apos;s approval (recorded by the registry, linked to the line): without one, the doctor is refused (or warned) as for an unpaid service.</extracomment>
        <translation>Эта запись уже используется в заказах: вместо удаления снимите флажок «Действует».</translation>
    </message>
    <message>
        <location filename="../../shared/services/orders.py" line="-51"/>
        <source>An order is for a client, or for a caller whose name and phone are given.</source>
        <translation>Заказ оформляется на пациента или на обратившегося с указанием ФИО и телефона.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown order channel.</source>
        <translation>Неизвестный канал оформления заказа.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The quantity is a whole number from 1 to 100.</source>
        <translation>Количество — целое число от 1 до 100.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This line is {status}: it can no longer be changed.</source>
        <translation>Строка в статусе «{status}»: её больше нельзя изменить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why the line is cancelled.</source>
        <translation>Укажите причину отмены строки.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the discount is given.</source>
        <translation>Укажите причину скидки.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A discount is a percentage above 0 and at most 100 (entered: {value}).</source>
        <translation>Скидка — процент больше 0 и не более 100 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an ordered line can be booked; this one is {status}.</source>
        <translation>Записать на приём можно только по заказанной строке; статус этой строки — «{status}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The booking is for another service or another client.</source>
        <translation>Запись на приём относится к другой услуге или другому пациенту.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order already belongs to a client.</source>
        <translation>Заказ уже привязан к пациенту.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A {status} line cannot be marked performed.</source>
        <translation>Строку в статусе «{status}» нельзя отметить как выполненную.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client has not paid for this service and no agreement covers it.</source>
        <translation>Пациент не оплатил эту услугу, и она не покрывается ни одним договором.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cash desk has taken money for this line (or is taking it now): refund it there first.</source>
        <translation>Касса уже приняла оплату за эту строку (или принимает её сейчас): сначала оформите возврат в кассе.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order has no lines to invoice for this payer.</source>
        <translation>В заказе нет строк, по которым можно выставить счёт этому плательщику.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A complex service is ordered one at a time: add it again for another patient visit.</source>
        <translation>Комплексная услуга заказывается по одной: для следующего посещения пациента добавьте её ещё раз.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A step of a complex service is priced in the complex service: discount that line instead.</source>
        <translation>Цена этапа входит в цену комплексной услуги: дайте скидку на строку комплексной услуги.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The quota “{quota}” has no room for this line ({count} services and {amount} roubles left). A head of registry or the contracts department may allow it over the limit.</source>
        <translation>В квоте «{quota}» не хватает места для этой строки (осталось: услуг — {count}, на сумму {amount} руб.). Разрешить превышение лимита может заведующий регистратурой или договорной отдел.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only a head of registry, the contracts department or the head may go over a quota.</source>
        <translation>Превысить квоту может только заведующий регистратурой, договорной отдел или руководитель.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your job allows manual discounts up to {limit}%; ask a colleague who may give more.</source>
        <translation>Ваша должностная роль позволяет давать ручные скидки не более {limit}%; обратитесь к коллеге, которому разрешено больше.</translation>
    </message>
    <message>
        <location filename="../../shared/services/appointments.py" line="-3"/>
        <location filename="../../shared/services/orders.py" line="+5"/>
        <source>ordered</source>
        <translation>заказана</translation>
    </message>
    <message>
        <location filename="../../shared/services/orders.py" line="+2"/>
        <location filename="../../shared/services/shift_tasks.py" line="+36"/>
        <source>paid</source>
        <extracomment>A registry booking made this close to its start (on the same day) is a walk-in.</extracomment>
        <translation>оплачена</translation>
    </message>
    <message>
        <location filename="../../shared/services/appointments.py" line="+2"/>
        <location filename="../../shared/services/orders.py" line="+1"/>
        <source>performed</source>
        <translation>выполнена</translation>
    </message>
    <message>
        <location filename="../../shared/services/orders.py" line="+1"/>
        <location filename="../../shared/services/sick_leave.py" line="-3"/>
        <location line="+6"/>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>Step {position} of “{service}”: priced in the complex service.</source>
        <extracomment>The payer&apos;s agreement performs the service only with the insurer&apos;s approval and no approval (not revoked) is linked to the line yet (an open line, not a step): the registry calls the insurer.</extracomment>
        <translation>Этап {position} услуги «{service}»: цена входит в комплексную услугу.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Manual discount {percent}% ({reason}).</source>
        <translation>Ручная скидка {percent}% ({reason}).</translation>
    </message>
    <message>
        <location filename="../../shared/services/register_rules.py" line="+51"/>
        <source>The mapping rule cannot be saved: {reason}</source>
        <translation>Правило сопоставления нельзя сохранить: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>enter the payer&apos;s service code.</source>
        <translation>укажите код услуги плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enter the payer&apos;s service name.</source>
        <translation>укажите наименование услуги плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an age cannot be negative.</source>
        <translation>возраст не может быть отрицательным.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an age is a whole number of years from 0 to 150.</source>
        <translation>возраст — целое число лет от 0 до 150.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the lowest age is greater than the highest age.</source>
        <translation>минимальный возраст больше максимального.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the payer&apos;s price cannot be negative.</source>
        <translation>цена плательщика не может быть отрицательной.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the payer&apos;s price must be less than 10,000,000: check for extra digits.</source>
        <translation>цена плательщика должна быть меньше 10 000 000: проверьте, нет ли лишних цифр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the payer&apos;s price is not a number.</source>
        <translation>цена плательщика не является числом.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sex must be male, female or any.</source>
        <translation>пол должен быть мужским, женским или любым.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the policy kind must be OMS, DMS or any.</source>
        <translation>вид полиса должен быть ОМС, ДМС или любой.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a service code or service group condition is blank; leave it unset to mean any.</source>
        <translation>условие по коду услуги или группе услуг не заполнено; если подходит любое значение, не задавайте условие.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The register format setting “{key}” is wrong: {reason}</source>
        <translation>Параметр формата реестра «{key}» задан неверно: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the settings must be a set of named values.</source>
        <translation>настройки должны быть набором именованных значений.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no such setting.</source>
        <translation>такого параметра нет.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the format must be “xml” or “csv”.</source>
        <translation>формат должен быть «xml» или «csv».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the encoding must be “utf-8” or “cp1251”.</source>
        <translation>кодировка должна быть «utf-8» или «cp1251».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the delimiter must be one character that is not a letter, a digit, a quote or a line break.</source>
        <translation>разделитель — один символ, который не является буквой, цифрой, кавычкой или переводом строки.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the delimiter cannot be written in the chosen encoding.</source>
        <translation>разделитель нельзя записать в выбранной кодировке.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the columns must be a list of column names.</source>
        <translation>столбцы должны быть заданы списком имён столбцов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose at least one column.</source>
        <translation>выберите хотя бы один столбец.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a column is not one of payer_code, payer_name, service_code, service_name, patient_name, birth_date, sex, policy_number, performed_on, quantity, price, amount, result_code, order_line_id.</source>
        <translation>столбец не входит в список допустимых: payer_code, payer_name, service_code, service_name, patient_name, birth_date, sex, policy_number, performed_on, quantity, price, amount, result_code, order_line_id.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a column is listed twice.</source>
        <translation>столбец указан дважды.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an XML element name starts with a letter or an underscore and contains only letters, digits, hyphens, underscores and dots (no spaces, no colons, not starting with “xml”).</source>
        <translation>имя элемента XML начинается с буквы или подчёркивания и содержит только буквы, цифры, дефисы, подчёркивания и точки (без пробелов и двоеточий, не начинается с «xml»).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the element name cannot be written in the chosen encoding.</source>
        <translation>имя элемента нельзя записать в выбранной кодировке.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the register and line elements need different names.</source>
        <translation>у элементов реестра и строки должны быть разные имена.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value must be true or false.</source>
        <translation>значение должно быть true или false.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order line {order_line_id} ({service_name}) cannot go into the register: {reason}</source>
        <translation>Строку заказа {order_line_id} ({service_name}) нельзя включить в реестр: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no mapping rule gives it a service code of the payer.</source>
        <translation>ни одно правило сопоставления не задаёт для неё код услуги плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mapping rules of equal priority give it different service codes or prices of the payer.</source>
        <translation>правила сопоставления с одинаковым приоритетом задают для неё разные коды услуг или цены плательщика.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its service code of the payer is blank.</source>
        <translation>у неё не заполнен код услуги плательщика.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {line} of the register (order line {order_line_id}) cannot be written in {encoding}: the {column} “{text}” contains the character “{character}” ({codepoint}). Correct the text or choose UTF-8 for this payer.</source>
        <translation>Строку {line} реестра (строка заказа {order_line_id}) нельзя записать в кодировке {encoding}: {column} «{text}» содержит символ «{character}» ({codepoint}). Исправьте текст или выберите для этого плательщика кодировку UTF-8.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The register header cannot be written in {encoding}: the {column} “{text}” contains the character “{character}” ({codepoint}). Correct the text or choose UTF-8 for this payer.</source>
        <translation>Заголовок реестра нельзя записать в кодировке {encoding}: {column} «{text}» содержит символ «{character}» ({codepoint}). Исправьте текст или выберите для этого плательщика кодировку UTF-8.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line {line} of the register (order line {order_line_id}): the {column} “{text}” contains an invisible control character ({codepoint}) that the register file cannot carry. Correct the text.</source>
        <translation>Строка {line} реестра (строка заказа {order_line_id}): {column} «{text}» содержит невидимый управляющий символ ({codepoint}), который нельзя записать в файл реестра. Исправьте текст.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register header: the {column} “{text}” contains an invisible control character ({codepoint}) that the register file cannot carry. Correct the text.</source>
        <translation>Заголовок реестра: {column} «{text}» содержит невидимый управляющий символ ({codepoint}), который нельзя записать в файл реестра. Исправьте текст.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register period ends before it starts.</source>
        <translation>Период реестра заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+351"/>
        <source>payer&apos;s service code</source>
        <translation>код услуги плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payer&apos;s service name</source>
        <translation>наименование услуги плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service code</source>
        <translation>код услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service name</source>
        <translation>наименование услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patient name</source>
        <translation>ФИО пациента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sex</source>
        <translation>пол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy number</source>
        <translation>номер полиса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date performed</source>
        <translation>дата выполнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantity</source>
        <translation>количество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>result code</source>
        <translation>код результата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order line</source>
        <translation>строка заказа</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payer name</source>
        <translation>наименование плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payer INN</source>
        <translation>ИНН плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agreement number</source>
        <translation>номер договора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>register number</source>
        <translation>номер реестра</translation>
    </message>
    <message>
        <location filename="../../shared/services/registers.py" line="+35"/>
        <source>The register is locked: it can no longer be changed.</source>
        <translation>Реестр закрыт: изменить его больше нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the register before exporting it.</source>
        <translation>Перед выгрузкой закройте реестр.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} lines of the register are unmapped or conflicting: map or exclude them before locking.</source>
        <translation>Строк реестра без правила сопоставления или с конфликтом правил: {count}. Сопоставьте или исключите их, прежде чем закрывать реестр.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The register&apos;s period ends before it starts.</source>
        <translation>Период реестра заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the line is excluded from the register.</source>
        <translation>Укажите причину исключения строки из реестра.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the payer&apos;s code and name of the service.</source>
        <translation>Укажите код и наименование услуги плательщика.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A register is built for an agreement with a payer.</source>
        <translation>Реестр формируется по договору с плательщиком.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another register took some of these services at the same time. Rebuild this one.</source>
        <translation>Часть этих услуг одновременно попала в другой реестр. Сформируйте этот реестр заново.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The register has no mapped lines to export.</source>
        <translation>В реестре нет сопоставленных строк для выгрузки.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No services performed under this agreement in {start}–{end} are left outside registers.</source>
        <translation>Все услуги, выполненные по этому договору за {start}–{end}, уже включены в реестры.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payer belongs to another organization.</source>
        <translation>Плательщик относится к другой организации.</translation>
    </message>
    <message>
        <location filename="../../shared/devices/protocols.py" line="+115"/>
        <source>The device reported an error: {detail}</source>
        <translation>Устройство сообщило об ошибке: {detail}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device does not answer on {port}: check its power and cable, then try again.</source>
        <translation>Устройство на {port} не отвечает: проверьте питание и кабель, затем повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../shared/devices/shtrih/commands.py" line="+492"/>
        <source>The fiscal registrar is out of receipt paper: load a new roll, close the cover, then repeat the operation.</source>
        <translation>В фискальном регистраторе закончилась чековая лента: вставьте новый рулон, закройте крышку и повторите операцию.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fiscal registrar&apos;s cover is open: close it until it clicks, then repeat the operation.</source>
        <translation>Открыта крышка фискального регистратора: закройте её до щелчка и повторите операцию.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shift has been open for more than 24 hours: close it with a Z-report, open a new shift, then repeat the operation.</source>
        <translation>Смена открыта более 24 часов: закройте её Z-отчётом, откройте новую смену и повторите операцию.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shift is closed: open a shift first.</source>
        <translation>Смена закрыта: сначала откройте смену.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A shift is already open on the fiscal registrar: close it with a Z-report first.</source>
        <translation>На фискальном регистраторе уже открыта смена: сначала закройте её Z-отчётом.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A receipt is still open on the fiscal registrar: cancel it, then repeat the operation.</source>
        <translation>На фискальном регистраторе открыт чек: аннулируйте его и повторите операцию.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is not enough cash in the drawer for this operation: check the amount or make a cash-in first.</source>
        <translation>В денежном ящике недостаточно наличных для этой операции: проверьте сумму или сначала сделайте внесение.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The payments do not cover the receipt total: check the amounts.</source>
        <translation>Сумма оплат меньше итога чека: проверьте суммы.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The fiscal drive is full or its resource is exhausted: send the documents to the OFD and have the service engineer replace the drive.</source>
        <translation>Фискальный накопитель заполнен или исчерпал ресурс: передайте документы в ОФД и вызовите инженера для замены накопителя.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fiscal drive has expired: have the service engineer replace it and re-register the registrar.</source>
        <translation>Срок действия фискального накопителя истёк: вызовите инженера для его замены и перерегистрации кассы.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fiscal drive does not work (code {code_hex}): call the service engineer.</source>
        <translation>Фискальный накопитель не работает (код {code_hex}): вызовите сервисного инженера.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The fiscal registrar refused the operator password: check the password in the device settings.</source>
        <translation>Фискальный регистратор не принял пароль оператора: проверьте пароль в настройках устройства.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fiscal registrar is still printing the previous document: wait a moment, then repeat the operation.</source>
        <translation>Фискальный регистратор ещё печатает предыдущий документ: подождите немного и повторите операцию.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fiscal registrar refused the operation (code {code_hex}: {detail}).</source>
        <translation>Фискальный регистратор отказал в операции (код {code_hex}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../shared/devices/telium.py" line="+65"/>
        <source>The card terminal on {port} took the request but gave no answer. The operation&apos;s outcome is unknown: check the terminal before trying again.</source>
        <translation>Платёжный терминал на {port} принял запрос, но не ответил. Результат операции неизвестен: проверьте терминал, прежде чем повторять.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card terminal&apos;s answer on {port} could not be read. The operation&apos;s outcome is unknown: check the terminal before trying again.</source>
        <translation>Ответ платёжного терминала на {port} не удалось прочитать. Результат операции неизвестен: проверьте терминал, прежде чем повторять.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card terminal on {port} did not accept the request: check that it is idle, then try again.</source>
        <translation>Платёжный терминал на {port} не принял запрос: убедитесь, что он в режиме ожидания, и повторите попытку.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This card terminal closes its bank day by itself or from its own menu, not on the cash desk&apos;s command.</source>
        <translation>Этот платёжный терминал закрывает банковский день сам или из своего меню, а не по команде кассы.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../shared/devices/upos.py" line="+79"/>
        <source>There is no card operation to cancel.</source>
        <translation>Нет операции по карте, которую можно отменить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/devices/upos.py" line="+1"/>
        <source>The card operation amount {amount} is invalid.</source>
        <translation>Недопустимая сумма операции по карте: {amount}.</translation>
    </message>
    <message>
        <location filename="../../shared/devices/upos.py" line="-15"/>
        <source>The card terminal program {program} could not be started ({reason}): check the acquiring settings.</source>
        <translation>Не удалось запустить программу платёжного терминала {program} ({reason}): проверьте настройки эквайринга.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card terminal did not finish within {seconds} seconds and was stopped. The operation&apos;s outcome is unknown: check the terminal&apos;s last operation before trying again.</source>
        <translation>Платёжный терминал не завершил работу за {seconds} с и был остановлен. Результат операции неизвестен: проверьте последнюю операцию терминала, прежде чем повторять.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card terminal has no connection with the bank ({error}: {text}). Try again in a few minutes; if it persists, call the bank&apos;s support.</source>
        <translation>У платёжного терминала нет связи с банком ({error}: {text}). Повторите попытку через несколько минут; если не поможет, позвоните в поддержку банка.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card terminal asks to close the bank day (settlement) first ({error}: {text}).</source>
        <translation>Платёжный терминал требует сначала закрыть банковский день (сверку итогов) ({error}: {text}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card terminal reported error {error}: {text}</source>
        <translation>Платёжный терминал сообщил об ошибке {error}: {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card operation reference number (RRN) {rrn} is invalid.</source>
        <translation>Недопустимый номер ссылки операции по карте (RRN): {rrn}.</translation>
    </message>
    <message>
        <location filename="../../workstations/cashier/pay_panel.py" line="+39"/>
        <source>The card part of a mixed payment must be more than zero and not more than the total.</source>
        <translation>Безналичная часть смешанной оплаты должна быть больше нуля и не больше суммы к оплате.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part paid from the deposit cannot be more than the sum to pay.</source>
        <translation>Зачёт аванса не может быть больше суммы к оплате.</translation>
    </message>
    <message>
        <location filename="../../shared/devices/config.py" line="+40"/>
        <source>Cash desk settings {path}: {key}: {problem}</source>
        <translation>Настройки кассы {path}: {key}: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not one of the known values</source>
        <translation>недопустимое значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a valid number</source>
        <translation>недопустимое число</translation>
    </message>
    <message>
        <location filename="../../shared/services/cash_desk.py" line="+80"/>
        <source>Choose at least one line to pay.</source>
        <extracomment>Operations that move money with a receipt; &quot;in&quot; kinds take money, the others give it back. Named moments of an operation; tests replace `checkpoint` to kill the process at each of them.</extracomment>
        <translation>Отметьте хотя бы одну строку для оплаты.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a sum of money (roubles and kopecks).</source>
        <translation>«{value}» — не денежная сумма (рубли и копейки).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash {cash} and card {card} make {sum}, but the lines come to {total}.</source>
        <translation>Наличные {cash} и безналичные {card} дают {sum}, а к оплате по строкам {total}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client gave {given}, less than the {cash} to pay in cash.</source>
        <translation>Клиент дал {given} — меньше, чем {cash} к оплате наличными.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No card terminal is set up at this desk: take cash, or set the terminal up in the settings.</source>
        <translation>На этой кассе не настроен терминал эквайринга: примите наличные или настройте терминал.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some of these lines are already paid, cancelled or being paid at another desk; the list has been refreshed.</source>
        <translation>Некоторые из этих строк уже оплачены, отменены или оплачиваются в другой кассе; список обновлён.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lines belong to different clients: pay them separately.</source>
        <translation>Строки относятся к разным пациентам: оплатите их отдельно.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shift is closed: open the shift first.</source>
        <translation>Смена закрыта: сначала откройте смену.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shift has been open for more than 24 hours: close it with a Z-report and open a new one.</source>
        <translation>Смена открыта больше 24 часов: закройте её Z-отчётом и откройте новую.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shift is already open.</source>
        <translation>Смена уже открыта.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registrar has an unfinished receipt: check the unfinished operations first.</source>
        <translation>В ККТ остался незакрытый чек: сначала проверьте незавершённые операции.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registrar is out of paper: load a new roll and try again.</source>
        <translation>В ККТ закончилась бумага: вставьте новый рулон и повторите.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registrar&apos;s cover is open: close it and try again.</source>
        <translation>Открыта крышка ККТ: закройте её и повторите.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fiscal drive reports a problem ({detail}): call the service engineer.</source>
        <translation>Фискальный накопитель сообщает о неисправности ({detail}): вызовите специалиста сервисной службы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card payment was declined: {reason}. Nothing was charged.</source>
        <translation>Оплата картой отклонена: {reason}. Деньги не списаны.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only paid lines not yet performed can be refunded, and only from the sale that paid them.</source>
        <translation>Вернуть деньги можно только за оплаченные и ещё не оказанные услуги и только по чеку, которым они оплачены.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An earlier operation at this desk is unfinished: resolve it first ({what}).</source>
        <translation>Предыдущая операция на этой кассе не завершена: сначала решите её судьбу ({what}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This operation does not wait for a decision any more.</source>
        <translation>Эта операция больше не ждёт решения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cash desk “{desk}” is not set up in this clinic.</source>
        <translation>Касса «{desk}» не заведена в этой клинике.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk&apos;s journal belongs to the registrar No. {expected}, but No. {found} is connected.</source>
        <translation>Журнал этой кассы ведётся по ККТ № {expected}, а подключена ККТ № {found}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An electronic receipt goes to a phone (+7 and 10 digits) or an e-mail address.</source>
        <translation>Электронный чек отправляется на телефон (+7 и 10 цифр) или адрес электронной почты.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the RRN (reference number) from the terminal&apos;s slip to confirm the card was charged.</source>
        <translation>Введите РРН (номер ссылки) со слипа терминала, чтобы подтвердить списание с карты.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation is already finished.</source>
        <translation>Операция уже завершена.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is only {available} in the drawer.</source>
        <translation>В денежном ящике только {available}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s deposit is {balance}, less than {wanted}.</source>
        <translation>Аванс клиента — {balance}, меньше чем {wanted}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deposit is kept for a registered client only.</source>
        <translation>Аванс можно внести только для зарегистрированного клиента.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the sum of the deposit (more than zero).</source>
        <translation>Введите сумму аванса (больше нуля).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payment</source>
        <translation>оплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deposit</source>
        <translation>аванс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deposit return</source>
        <translation>возврат аванса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash in</source>
        <translation>внесение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash out</source>
        <translation>выплата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift opening</source>
        <translation>открытие смены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X-report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z-report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bank settlement</source>
        <translation>сверка итогов</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The terminal cannot tell whether the card was charged. Look at the terminal&apos;s last slip.</source>
        <translation>Терминал не может сказать, списаны ли деньги с карты. Посмотрите последний слип терминала.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The money was taken but no receipt was printed.</source>
        <translation>Деньги приняты, но чек не напечатан.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device did not finish: {detail}</source>
        <translation>Оборудование не завершило операцию: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registrar did not say whether it did this. Check its last printed document.</source>
        <translation>ККТ не сообщила, выполнена ли операция. Проверьте последний напечатанный документ.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Another workstation is working with the cash desk “{desk}” right now: one desk, one workstation (check the desk name in the device settings).</source>
        <extracomment>Decisions `resolve` accepts.</extracomment>
        <translation>С кассой «{desk}» сейчас работает другое рабочее место: одна касса — одно рабочее место (проверьте название кассы в настройках устройств).</translation>
    </message>
    <message>
        <location filename="../../shared/services/cash_reports.py" line="+48"/>
        <source>The client paid nothing for medical services in {year}.</source>
        <extracomment>Corresponding accounts of the chart of accounts (Minfin order 94n) for the cash book&apos;s column 3. FNS codes of identity documents (СПДУЛ) for the kinds the registry keeps.</extracomment>
        <translation>В {year} году пациент не оплачивал медицинские услуги.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate in this form is for expenses from 2024 up to the current year (entered: {year}).</source>
        <translation>Справка по этой форме выдаётся за расходы с 2024 года по текущий год (указан {year}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A person&apos;s INN has 12 digits with valid check digits (entered: {inn}).</source>
        <translation>ИНН физического лица — 12 цифр с верными контрольными цифрами (введено: {inn}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the taxpayer&apos;s INN, or record their identity document in the client card first.</source>
        <translation>Укажите ИНН налогоплательщика или сначала внесите его документ, удостоверяющий личность, в карточку клиента.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the patient&apos;s INN, or record their identity document in the patient&apos;s card first.</source>
        <translation>Укажите ИНН пациента или сначала внесите его документ, удостоверяющий личность, в карточку пациента.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no such certificate.</source>
        <translation>Такой справки нет.</translation>
    </message>
    <message>
        <location filename="../../shared/services/visit_records.py" line="+42"/>
        <source>Your login is not linked to a staff member, so it cannot write medical records. Ask the administrator to link it.</source>
        <extracomment>The sections of a visit record&apos;s text, in the order a template shows them. ``content`` may hold more (structured fields of a specialty&apos;s template); these are the free-text parts every template has.</extracomment>
        <translation>Ваша учётная запись не связана с сотрудником, поэтому не может вносить медицинские записи. Попросите администратора связать её.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This medical card is not available to you: its card type or organization is not among those you may open.</source>
        <translation>Эта медицинская карта вам недоступна: её вид или организация не входят в те, что вам разрешено открывать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This record is not available: it does not exist or its card is not among those you may open.</source>
        <translation>Запись недоступна: её нет или её карта не входит в те, что вам разрешено открывать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your job does not allow writing medical records.</source>
        <translation>Ваша должность не позволяет вносить медицинские записи.</translation>
    </message>
    <message>
        <location filename="../../shared/services/record_templates.py" line="+107"/>
        <source>There is no record template “{code}”.</source>
        <extracomment>The longest multi-line text a field keeps (a long discharge-like narrative is a few thousand characters). The longest one-line value (a dental formula, a short finding).</extracomment>
        <translation>Шаблона записи «{code}» нет.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/services/visit_records.py" line="+1"/>
        <source>The record&apos;s content must be a set of named fields (complaints, anamnesis, examination, conclusion, recommendations, ...).</source>
        <translation>Содержание записи должно состоять из именованных полей (жалобы, анамнез, осмотр, заключение, рекомендации и т. д.).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: “{value}” is not a number.</source>
        <translation>{field}: «{value}» — не число.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: enter a number from {minimum} to {maximum}{unit}.</source>
        <translation>{field}: введите число от {minimum} до {maximum}{unit}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: “{value}” is not one of the values offered; choose one from the list.</source>
        <translation>{field}: «{value}» нет среди предложенных значений; выберите из списка.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field}: “{value}” is neither yes nor no.</source>
        <translation>{field}: «{value}» — ни «да», ни «нет».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: “{value}” is not a date (day.month.year).</source>
        <translation>{field}: «{value}» — не дата (день.месяц.год).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: the date {value} is not plausible.</source>
        <translation>{field}: дата {value} неправдоподобна.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: the text is too long ({length} characters); at most {limit} characters fit in a record.</source>
        <translation>{field}: текст слишком длинный ({length} символов); в запись помещается не более {limit} символов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field}: the value must be text.</source>
        <translation>{field}: значение должно быть текстом.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record cannot be signed yet: fill in {fields}.</source>
        <translation>Запись пока нельзя подписать: заполните {fields}.</translation>
    </message>
    <message>
        <location filename="../../shared/services/visit_records.py" line="+3"/>
        <source>This record was signed on {when} by {who} and can no longer be changed. To correct it, write a correction: a new version of the record.</source>
        <translation>Запись подписана {when} ({who}) и больше не может быть изменена. Чтобы исправить её, создайте исправление — новую версию записи.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This record is already signed (on {when} by {who}).</source>
        <translation>Запись уже подписана ({when}, {who}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the author of this record, {author}, may sign it.</source>
        <translation>Подписать запись может только её автор — {author}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a draft of {author}: only its author may change it.</source>
        <translation>Это черновик автора {author}: изменять его может только автор.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This record is a draft: change it and sign it; only a signed record is corrected.</source>
        <translation>Запись — черновик: измените и подпишите её; исправление создаётся только для подписанной записи.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This version has already been corrected (version {version_no}): correct the newest version.</source>
        <translation>Эта версия уже исправлена (версия {version_no}): исправляйте последнюю версию.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a medical worker may correct a signed record.</source>
        <translation>Исправить подписанную запись может только медицинский работник.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A correction belongs to the card of the record it corrects.</source>
        <translation>Исправление относится к карте исправляемой записи.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{code}” is not an ICD-10 code. Check the code or search the classification by words.</source>
        <translation>«{code}» — не код МКБ-10. Проверьте код или найдите диагноз в классификаторе по словам.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ICD-10 {code} “{name}” is a heading, not a diagnosis: choose one of the codes under it.</source>
        <translation>МКБ-10 {code} «{name}» — рубрика, а не диагноз: выберите один из входящих в неё кодов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ICD-10 {code} “{name}” has been withdrawn from use: choose a current code.</source>
        <translation>Код МКБ-10 {code} «{name}» исключён из употребления: выберите действующий код.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A diagnosis is main, accompanying or a complication (given: {role}).</source>
        <translation>Диагноз бывает основным, сопутствующим или осложнением (указано: {role}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record already has a main diagnosis ({code}). Make {new} accompanying, or remove the main diagnosis first.</source>
        <translation>В записи уже есть основной диагноз ({code}). Сделайте {new} сопутствующим или сначала удалите основной диагноз.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record already has the diagnosis {code}.</source>
        <translation>В записи уже есть диагноз {code}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This diagnosis no longer exists: somebody removed it. Reload the record.</source>
        <translation>Этого диагноза больше нет: его удалили. Обновите запись.</translation>
    </message>
    <message>
        <location filename="../../shared/services/performance.py" line="+45"/>
        <source>The client has not paid for “{service}” and no agreement covers it. Perform it anyway?</source>
        <extracomment>A question to the user, not a refusal: the performance, once confirmed, is itself audited.</extracomment>
        <translation>Клиент не оплатил «{service}», и договор её не покрывает. Всё равно выполнить?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This service was cancelled: it cannot be performed.</source>
        <translation>Услуга отменена: её нельзя выполнить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This service is already {status}.</source>
        <translation>Услуга уже {status}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service belongs to another patient than the visit: it cannot be performed here.</source>
        <translation>Услуга относится к другому пациенту, чем приём: здесь её выполнить нельзя.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{service}” needs the approval of {insurer}: call the insurer and record the approval, then link it to the line.</source>
        <translation>Для услуги «{service}» нужно согласование страховой компании {insurer}: позвоните в страховую компанию, зарегистрируйте согласование и привяжите его к строке.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{service}” needs the approval of {insurer} and no approval is linked to the line. Perform it anyway?</source>
        <translation>Для услуги «{service}» нужно согласование страховой компании {insurer}, но к строке не привязано ни одного согласования. Всё равно выполнить?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client has not paid for “{service}” and no agreement covers it: the clinic performs only paid or covered services. Send the client to the cash desk.</source>
        <translation>Клиент не оплатил «{service}», и договор её не покрывает: клиника выполняет только оплаченные или покрытые договором услуги. Направьте клиента в кассу.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{service}” is a complex service: perform its steps, then close it.</source>
        <translation>«{service}» — комплексная услуга: выполните её этапы, затем закройте её.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{service}” is not a complex service.</source>
        <translation>«{service}» — не комплексная услуга.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{service}” is a required step of the complex service: it cannot be skipped.</source>
        <translation>«{service}» — обязательный этап комплексной услуги: его нельзя пропустить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why the step is skipped.</source>
        <translation>Укажите, почему этап пропущен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The complex service cannot be closed: required steps are not done yet ({steps}).</source>
        <translation>Комплексную услугу нельзя закрыть: обязательные этапы ещё не выполнены ({steps}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service cannot end before it starts.</source>
        <translation>Услуга не может закончиться раньше, чем началась.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say who performed the service.</source>
        <translation>Укажите, кто выполнил услугу.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A participant is not a staff member of this organization.</source>
        <translation>Один из участников не является сотрудником этой организации.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your job does not allow recording the performance of services.</source>
        <translation>Ваша должность не позволяет отмечать выполнение услуг.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A service is marked performed only together with the record of its performance.</source>
        <translation>Услуга отмечается выполненной только вместе с записью о её выполнении.</translation>
    </message>
    <message>
        <location filename="../../shared/services/shift_tasks.py" line="+1"/>
        <source>covered by {payer}</source>
        <translation>оплачивает {payer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approved by {payer}, No. {reference}</source>
        <translation>согласовано: {payer}, № {reference}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approval needed</source>
        <translation>нужно согласование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs the approval of {payer}</source>
        <translation>нужно согласование: {payer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unpaid</source>
        <translation>не оплачено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free</source>
        <translation>бесплатно</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a staff member, a schedule resource or an office.</source>
        <translation>Выберите сотрудника, ресурс расписания или кабинет.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This staff member has no schedule: there are no bookings to list.</source>
        <translation>У сотрудника нет расписания: записей на приём нет.</translation>
    </message>
    <message>
        <location filename="../../shared/services/communications.py" line="+29"/>
        <source>phone</source>
        <extracomment>A communication may be dated this far ahead of the server&apos;s clock (workstations&apos; clocks drift).</extracomment>
        <translation>телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messenger</source>
        <translation>мессенджер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>лично</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>incoming</source>
        <translation>входящее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>исходящее</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write what the conversation was about (the summary).</source>
        <translation>Напишите, о чём шёл разговор (содержание).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown channel: choose phone, e-mail, SMS, messenger or in person.</source>
        <translation>Неизвестный канал: выберите телефон, эл. почту, SMS, мессенджер или личную беседу.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say whether the patient contacted the clinic or the clinic them.</source>
        <translation>Укажите, кто обратился: пациент в клинику или клиника к пациенту.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A communication cannot be logged ahead of time ({time}).</source>
        <translation>Обращение нельзя зарегистрировать заранее ({time}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The follow-up date cannot be before the communication.</source>
        <translation>Дата повторного контакта не может быть раньше обращения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the author of an entry may correct it; add a new entry instead.</source>
        <translation>Исправить запись может только её автор; добавьте новую запись.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An entry may be corrected only on the day it was logged; add a new entry instead.</source>
        <translation>Исправить запись можно только в день её регистрации; добавьте новую запись.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries of the communications log are never deleted.</source>
        <translation>Записи журнала обращений никогда не удаляются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order, booking or staff member given belongs to another patient or organization.</source>
        <translation>Указанный заказ, запись на приём или сотрудник относится к другому пациенту или другой организации.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your job does not allow logging communications with patients.</source>
        <translation>Ваша должность не позволяет регистрировать обращения пациентов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} is too long (at most {limit} characters).</source>
        <translation>Поле «{field}» слишком длинное (не более {limit} символов).</translation>
    </message>
    <message>
        <location filename="../../shared/services/insurer_approvals.py" line="+45"/>
        <location filename="../../shared/services/prescriptions.py" line="-1"/>
        <source>active</source>
        <translation>действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used</source>
        <translation>использовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say who at the insurance company gave the approval.</source>
        <translation>Укажите, кто в страховой компании дал согласование.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the reference number the insurer gave.</source>
        <translation>Введите номер согласования, который дала страховая компания.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The insurer&apos;s approval No. {reference} is already recorded.</source>
        <translation>Согласование страховой компании № {reference} уже зарегистрировано.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an insurance company of this organization as the payer.</source>
        <translation>Выберите плательщиком страховую компанию этой организации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agreement is not with this insurance company.</source>
        <translation>Договор заключён не с этой страховой компанией.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval cannot end before it begins.</source>
        <translation>Согласование не может заканчиваться раньше, чем начинается.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval cannot be dated ahead of time.</source>
        <translation>Согласование нельзя датировать будущим числом.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the approved services or give an overall amount limit (or both).</source>
        <translation>Перечислите согласованные услуги или укажите общий лимит суммы (или и то и другое).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A limit is a whole number of services above 0 or an amount in roubles above 0 (entered: {value}).</source>
        <translation>Лимит — целое число услуг больше 0 или сумма в рублях больше 0 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A service is listed twice in the approval.</source>
        <translation>Услуга указана в согласовании дважды.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the approval is revoked.</source>
        <translation>Укажите причину отзыва согласования.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval No. {reference} was given for another patient.</source>
        <translation>Согласование № {reference} выдано на другого пациента.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval No. {reference} is of {insurer}, but the line is paid by another payer. Choose {insurer} as the line&apos;s payer first.</source>
        <translation>Согласование № {reference} дано страховой компанией {insurer}, а строку оплачивает другой плательщик. Сначала выберите плательщиком строки {insurer}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{service}” is paid by the client: an approval of {insurer} covers only lines {insurer} pays. Choose {insurer} as the line&apos;s payer first.</source>
        <translation>Услугу «{service}» оплачивает клиент: согласование страховой компании {insurer} распространяется только на строки с плательщиком {insurer}. Сначала выберите плательщиком строки {insurer}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The approval No. {reference} is valid from {start} to {end}; the service is on {day}.</source>
        <translation>Согласование № {reference} действует с {start} по {end}; услуга назначена на {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The approval No. {reference} was revoked: {reason}.</source>
        <translation>Согласование № {reference} отозвано: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval No. {reference} is used up: nothing more can rely on it.</source>
        <translation>Согласование № {reference} исчерпано: опираться на него больше нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval No. {reference} is {status}: it cannot change.</source>
        <translation>Статус согласования № {reference} — «{status}»: изменить его нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval No. {reference} does not cover “{service}”.</source>
        <translation>Согласование № {reference} не распространяется на услугу «{service}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The approval No. {reference} allows {limit} of “{service}” and {used} are already taken: this line would exceed it.</source>
        <translation>Согласование № {reference} разрешает услугу «{service}» в количестве {limit}, и уже использовано {used}: эта строка превысит лимит.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The approval No. {reference} has {left} roubles left for this; the line costs {amount}.</source>
        <translation>По согласованию № {reference} на это осталось {left} руб.; строка стоит {amount}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The line is {status}: its approval can no longer change.</source>
        <translation>Статус строки — «{status}»: её согласование больше нельзя изменить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A step of a complex service relies on the approval of its complex service: link that line.</source>
        <translation>Этап комплексной услуги опирается на согласование самой комплексной услуги: привяжите согласование к её строке.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The line relies on no approval.</source>
        <translation>Строка не опирается ни на одно согласование.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your job does not allow recording insurers&apos; approvals.</source>
        <translation>Ваша должность не позволяет регистрировать согласования страховых компаний.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approval&apos;s limits would be exceeded by this line.</source>
        <translation>Эта строка превысит лимиты согласования.</translation>
    </message>
    <message>
        <location filename="../../shared/services/prescriptions.py" line="-24"/>
        <source>Write the name of the medication.</source>
        <translation>Напишите название лекарственного препарата.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dose is a number above zero, such as 500 or 0.25 (entered: {value}).</source>
        <translation>Доза — число больше нуля, например 500 или 0.25 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the unit of the dose (mg, ml, tablets, ...).</source>
        <translation>Выберите единицу дозы (мг, мл, таблетки, ...).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A unit of the dose is chosen: write the dose itself too.</source>
        <translation>Единица дозы выбрана: укажите и саму дозу.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{unit}” is not a unit of dose. Choose one of: {units}.</source>
        <translation>«{unit}» — не единица дозы. Выберите одну из: {units}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{route}” is not a route of administration. Choose one of the list.</source>
        <translation>«{route}» — не путь введения. Выберите один из списка.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Times a day is a whole number from 1 to 24 (entered: {value}).</source>
        <translation>Кратность приёма в день — целое число от 1 до 24 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The duration is a whole number of days from 1 to 365 (entered: {value}).</source>
        <translation>Длительность — целое число дней от 1 до 365 (введено: {value}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The start of the course is not a date.</source>
        <translation>Дата начала курса — не дата.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} is too long: at most {limit} characters.</source>
        <translation>Поле «{field}» слишком длинное: не более {limit} символов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why the prescription is cancelled.</source>
        <translation>Укажите причину отмены назначения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A prescription ends as cancelled or completed.</source>
        <translation>Назначение завершается отменой или выполнением.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This prescription is already {status}.</source>
        <translation>Назначение уже в статусе «{status}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record was signed on {when} by {who}: its prescriptions can no longer be changed, only cancelled or completed. To change them, write a correction of the record.</source>
        <translation>Запись подписана {when} ({who}): её назначения больше нельзя изменить, только отменить или отметить выполненными. Чтобы изменить их, создайте исправление записи.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This prescription no longer exists or is not available to you. Reload the record.</source>
        <translation>Этого назначения больше нет или оно вам недоступно. Загрузите запись заново.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>completed</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name of the medication</source>
        <translation>название препарата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>international name</source>
        <translation>МНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dosage form</source>
        <translation>лекарственная форма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frequency</source>
        <translation>кратность</translation>
    </message>
    <message>
        <location filename="../../shared/services/sick_leave.py" line="-50"/>
        <source>The sick-leave certificate is not available to you.</source>
        <extracomment>The chain of continuations is followed this far back (a case longer than this is not plausible). Characters of the form&apos;s cells for a doctor&apos;s position and name (the layout&apos;s defaults).</extracomment>
        <translation>Листок нетрудоспособности вам недоступен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate {number} is already issued: its fields are fixed.</source>
        <translation>Листок нетрудоспособности {number} уже выдан: его поля изменить нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate is {status}: it can no longer be changed.</source>
        <translation>Статус листка нетрудоспособности — «{status}»: изменить его больше нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an issued certificate can be {action}; this one is {status}.</source>
        <translation>Это действие («{action}») возможно только для выданного листка нетрудоспособности; статус этого листка — «{status}».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown field of the certificate: {field}.</source>
        <translation>Неизвестное поле листка нетрудоспособности: {field}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {field} of an issued certificate cannot be changed.</source>
        <translation>Поле «{field}» выданного листка нетрудоспособности изменить нельзя.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code} is not a known {kind} code.</source>
        <translation>{code} — неизвестный код ({kind}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cause of incapacity</source>
        <extracomment>The kinds of code named in UNKNOWN_CODE, translated before they are filled in.</extracomment>
        <translation>причина нетрудоспособности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>additional</source>
        <translation>дополнительный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>family relation</source>
        <translation>родственная связь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regime violation</source>
        <translation>нарушение режима</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“other”</source>
        <translation>«иное»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The form has room for two family members cared for.</source>
        <translation>В бланке есть место только для двух членов семьи, за которыми осуществляется уход.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the family member&apos;s relation code and full name.</source>
        <translation>Укажите код родственной связи и ФИО члена семьи.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say whether it is the main job or a part-time one.</source>
        <translation>Укажите, основное это место работы или работа по совместительству.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A certificate&apos;s number is 12 digits ({number}).</source>
        <translation>Номер листка нетрудоспособности состоит из 12 цифр ({number}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A period of release ends on or after the day it starts.</source>
        <translation>Период освобождения от работы заканчивается не раньше дня своего начала.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate&apos;s three rows of periods are full: continue it on a new certificate.</source>
        <translation>Все три строки периодов в листке заполнены: продолжите его на новом листке.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate has no period of release to extend.</source>
        <translation>В листке нет периода освобождения от работы, который можно продлить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The doctor or commission chair is not a staff member here.</source>
        <translation>Врач или председатель врачебной комиссии не является сотрудником этой организации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your login is not linked to a staff member: the doctor of the period must be chosen.</source>
        <translation>Ваша учётная запись не связана с сотрудником: выберите врача для периода.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the date of return to work or an «other» code to close the certificate.</source>
        <translation>Чтобы закрыть листок, укажите дату выхода на работу или код «иное».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the reason.</source>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit record is of another patient.</source>
        <translation>Запись о приёме относится к другому пациенту.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the medical organization.</source>
        <translation>Выберите медицинскую организацию.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate {number} is already continued by another one.</source>
        <translation>Листок нетрудоспособности {number} уже продолжен другим листком.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your job does not allow this action on sick-leave certificates.</source>
        <translation>Ваша должность не позволяет выполнять это действие с листками нетрудоспособности.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a doctor writes a new sick-leave certificate.</source>
        <translation>Новый листок нетрудоспособности оформляет только врач.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an issued or closed certificate is printed.</source>
        <translation>Печатается только выданный или закрытый листок нетрудоспособности.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period reaches beyond the days a doctor alone may release: the chair of the medical commission must sign it.</source>
        <translation>Период выходит за пределы срока, на который врач может освободить от работы единолично: его должен подписать председатель врачебной комиссии.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The periods of release overlap.</source>
        <translation>Периоды освобождения от работы пересекаются.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued</source>
        <translation>выдан</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>spoiled</source>
        <translation>испорчен</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>replaced by a duplicate</source>
        <translation>заменён дубликатом</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>continued</source>
        <translation>продолжен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicated</source>
        <translation>выдан дубликат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extended</source>
        <translation>продлён</translation>
    </message>
    <message>
        <location filename="../../shared/services/sick_leave_blanks.py" line="+40"/>
        <source>A blank&apos;s number is 12 digits ({number}).</source>
        <extracomment>At most this many blanks in one batch or hand-out (a typo guard; the database&apos;s check agrees). A lower number still unused this many days after a higher one of the same holder was used is a gap.</extracomment>
        <translation>Номер бланка состоит из 12 цифр ({number}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The range of numbers runs from the lower to the higher number.</source>
        <translation>Диапазон номеров указывается от меньшего номера к большему.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A range holds at most {limit} blanks.</source>
        <translation>В диапазоне может быть не более {limit} бланков.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank {number} has already been received: the ranges overlap.</source>
        <translation>Бланк {number} уже поступал: диапазоны пересекаются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank {number} was not received by the organization: a number outside the received batches cannot be used.</source>
        <translation>Бланк {number} не поступал в организацию: номер вне поступивших партий использовать нельзя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank {number} is already used by another certificate.</source>
        <translation>Бланк {number} уже использован для другого листка нетрудоспособности.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank {number} is spoiled and can never be used again.</source>
        <translation>Бланк {number} испорчен и больше не может быть использован.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank {number} is not in stock: it has already been handed out, used or spoiled.</source>
        <translation>Бланка {number} нет на складе: он уже выдан, использован или испорчен.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the department or staff member who receives the blanks.</source>
        <translation>Выберите отделение или сотрудника, которым выдаются бланки.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiver of the blanks is not of this organization.</source>
        <translation>Получатель бланков не относится к этой организации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write why the blank is spoiled.</source>
        <translation>Укажите, почему бланк испорчен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank {number} carries certificate {number}: spoil the certificate instead (it is then refilled on a new blank).</source>
        <translation>На бланке {number} оформлен листок нетрудоспособности {number}: признайте испорченным листок (тогда он будет заполнен заново на новом бланке).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You hold no blank of the certificate: ask the head of registry to hand blanks out to you or your department, or enter the number of the blank.</source>
        <translation>У вас нет бланков листков нетрудоспособности: попросите заведующего регистратурой выдать бланки вам или вашему отделению либо введите номер бланка.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accounting of blanks is never edited or deleted.</source>
        <translation>Учёт бланков никогда не редактируется и не удаляется.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date ({date}) is in the future.</source>
        <translation>Дата ({date}) — в будущем.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your job does not allow keeping the accounting of blanks.</source>
        <translation>Ваша должность не позволяет вести учёт бланков.</translation>
    </message>
    <message>
        <location filename="../../shared/services/sick_leave_rules.py" line="+101"/>
        <source>The sick-leave certificate breaks the rules: {violations}</source>
        <translation>Листок нетрудоспособности нарушает правила: {violations}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A certificate has at least one period of release from work.</source>
        <translation>В листке есть хотя бы один период освобождения от работы.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the period of release from work.</source>
        <translation>Добавьте период освобождения от работы.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The form has three rows of periods of release.</source>
        <translation>На бланке три строки периодов освобождения от работы.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are {count} periods of release; the form holds at most {max_periods}.</source>
        <translation>Периодов освобождения от работы — {count}; в бланке помещается не более {max_periods}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Periods of release follow one another and do not overlap.</source>
        <translation>Периоды освобождения идут друг за другом и не пересекаются.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period {row} ({date_from} to {date_to}) overlaps or precedes period {previous}, which ends on {previous_to}.</source>
        <translation>Период {row} ({date_from} – {date_to}) пересекается с периодом {previous}, который заканчивается {previous_to}, или предшествует ему.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An extension starts the day after the previous period ends (no gap).</source>
        <translation>Продление начинается со дня, следующего за окончанием предыдущего периода (без разрыва).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period {row} must start on {expected}, the day after period {previous} ends (it starts on {date_from}).</source>
        <translation>Период {row} должен начинаться {expected} — на следующий день после окончания периода {previous} (а начинается {date_from}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A doctor alone releases up to max_days from the start of the case; longer needs the medical commission.</source>
        <translation>Врач единолично освобождает от работы до max_days дней от начала случая; дольше — по решению врачебной комиссии.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period {row} reaches day {days} of the case: a doctor alone releases for at most {max_days} days, so the chair of the medical commission must sign it.</source>
        <translation>Период {row} доходит до {days}-го дня случая: врач единолично освобождает от работы не более чем на {max_days} дн., поэтому период должен подписать председатель врачебной комиссии.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A continuation starts the day after the certificate it continues ends: no overlap, no gap.</source>
        <translation>Продолжение начинается со дня, следующего за окончанием продолжаемого листка: без наложения и без разрыва.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A continuation of certificate {number} must start on {expected}, the day after it ends (this one starts on {date_from}).</source>
        <translation>Продолжение листка нетрудоспособности {number} должно начинаться {expected} — на следующий день после его окончания (этот начинается {date_from}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates may not be in the future; the return to work may be up to return_days_ahead days ahead.</source>
        <translation>Даты не могут быть в будущем; дата выхода на работу — не более чем на return_days_ahead дней вперёд.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} ({date}) is in the future.</source>
        <translation>{field} ({date}) — в будущем.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A certificate is not issued before its first period of release starts.</source>
        <translation>Листок не выдаётся раньше начала первого периода освобождения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The issue date ({issue_date}) is before the first period of release starts ({date_from}).</source>
        <translation>Дата выдачи ({issue_date}) раньше начала первого периода освобождения от работы ({date_from}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The return to work is after the last period of release ends.</source>
        <translation>Выход на работу — после окончания последнего периода освобождения.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The return to work ({return_date}) must be after the last period of release ends ({date_to}).</source>
        <translation>Дата выхода на работу ({return_date}) должна быть позже окончания последнего периода освобождения от работы ({date_to}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Care for a family member (cause 09) names the member: age, relation, name.</source>
        <translation>При уходе за членом семьи (причина 09) указывается член семьи: возраст, родство, ФИО.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause {cause} (care for a family member) needs the family member&apos;s age, relation and name.</source>
        <translation>Для причины {cause} (уход за членом семьи) нужны возраст, родственная связь и ФИО члена семьи.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Care by the age of the family member: under whole_period_under_years the whole period; then up to child_max_days until child_until_years; older up to adult_max_days per case. Causes in whole_period_causes (a disabled child, ...) are not limited.</source>
        <translation>Уход по возрасту члена семьи: младше whole_period_under_years лет — весь период; затем до child_max_days дней до child_until_years лет; старше — до adult_max_days дней за случай. Причины из whole_period_causes (ребёнок-инвалид и др.) не ограничены.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Care for a family member aged {age}: at most {max_days} days per case ({days} days given).</source>
        <translation>Уход за членом семьи в возрасте {age}: не более {max_days} дн. на случай (указано дней: {days}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Care beyond adult_alone_days for a family member from child_until_years (beyond child_max_days for a child) needs the chair of the medical commission on the period.</source>
        <translation>Уход за членом семьи с child_until_years лет дольше adult_alone_days дней (за ребёнком — дольше child_max_days дней) требует подписи председателя врачебной комиссии в периоде.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Care for a family member aged {age} for more than {alone_days} days needs the chair of the medical commission on period {row}.</source>
        <translation>Уход за членом семьи в возрасте {age} более {alone_days} дн. требует подписи председателя врачебной комиссии в периоде {row}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The issue date</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start of a period of release</source>
        <translation>Начало периода освобождения от работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The return to work</source>
        <translation>Дата выхода на работу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date of the regime violation</source>
        <translation>Дата нарушения режима</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start of the hospital stay</source>
        <translation>Начало стационарного лечения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end of the hospital stay</source>
        <translation>Окончание стационарного лечения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The referral to the disability board</source>
        <translation>Дата направления в бюро МСЭ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registration by the disability board</source>
        <translation>Дата регистрации документов в бюро МСЭ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The examination by the disability board</source>
        <translation>Дата освидетельствования в бюро МСЭ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The «other» date</source>
        <translation>Дата по коду «иное»</translation>
    </message>
</context>
<context>
    <name>DtoTableModel</name>
    <message>
        <location filename="../../medcenter_desktop/table_model.py" line="+65"/>
        <source>Yes</source>
        <extracomment>Header as a source text, translated in ``context`` when shown.</extracomment>
        <translation>Да</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>(cannot show)</source>
        <translation>(не удаётся показать)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This row could not be shown completely. Reload the list; if it persists, tell IT staff.</source>
        <translation>Эту строку не удалось показать полностью. Обновите список; если ошибка повторится, сообщите специалистам ИТ.</translation>
    </message>
</context>
<context>
    <name>EditRightsDialog</name>
    <message>
        <location filename="../../workstations/administrator/user_dialogs.py" line="+255"/>
        <source>Rights of {login}</source>
        <translation>Права пользователя {login}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name: &lt;b&gt;{login}&lt;/b&gt;</source>
        <translation>Имя пользователя: &lt;b&gt;{login}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../medcenter_desktop/error_dialog.py" line="+21"/>
        <source>An unexpected error occurred and the operation was not completed. Please try again; if the error repeats, tell IT staff the time it happened.</source>
        <translation>Произошла непредвиденная ошибка, операция не выполнена. Повторите попытку; если ошибка повторится, сообщите специалистам ИТ время, когда она произошла.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>MedCenter Desktop</source>
        <translation>MedCenter Desktop</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="+819"/>
        <source>Exception in the schedule</source>
        <extracomment>The exception was recorded: the `PlanOutcome` of regenerating its days. The last question asked (&quot;work on this day off anyway?&quot;), for tests.</extracomment>
        <translation>Исключение в расписании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;From</source>
        <translation>&amp;Период с</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note</source>
        <translation>П&amp;римечание</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example: the order number, the reason</source>
        <translation>Например: номер приказа, причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working hours of the day (replace the template&apos;s hours):</source>
        <translation>Рабочие часы в этот день (вместо часов по шаблону):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Work on a day off</source>
        <translation>Работа в нерабочий день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work on this day off anyway?</source>
        <translation>Всё равно работать в этот день?</translation>
    </message>
</context>
<context>
    <name>FindPatientDialog</name>
    <message>
        <location filename="../../workstations/doctor/find_dialog.py" line="+10"/>
        <source>Find patient</source>
        <translation>Поиск пациента</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Surname and name, birth date, phone, card number or SNILS</source>
        <translation>Фамилия и имя, дата рождения, телефон, номер карты или СНИЛС</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>Found: %n</source>
        <translation>
            <numerusform>Найден: %n</numerusform>
            <numerusform>Найдено: %n</numerusform>
            <numerusform>Найдено: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nobody found.</source>
        <translation>Никого не найдено.</translation>
    </message>
</context>
<context>
    <name>FromModelDialog</name>
    <message>
        <location filename="../../workstations/contracts/agreements_page.py" line="-436"/>
        <source>There is no model agreement to start from.</source>
        <translation>Нет типового договора, на основе которого можно создать договор.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the payer of the agreement.</source>
        <translation>Выберите плательщика по договору.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agreement from a model</source>
        <translation>Договор на основе типового</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Типовой договор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Number</source>
        <translation>&amp;Номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N&amp;ame</source>
        <translation>Н&amp;аименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payer</source>
        <translation>&amp;Плательщик</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Signed on</source>
        <translation>&amp;Дата подписания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example: K-2026/15</source>
        <translation>Например: K-2026/15</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the payer&apos;s name…</source>
        <translation>Введите часть наименования плательщика…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copied from the model: the price list, the markup or discount ({adjustment}), the services with their own prices, the payment terms. The agreement starts as a draft and takes effect on the signing date.</source>
        <translation>Из типового договора копируются: прейскурант, наценка или скидка ({adjustment}), услуги с собственными ценами, условия оплаты. Договор создаётся как черновик и вступает в силу с даты подписания.</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="+222"/>
        <source>Generating the schedule…</source>
        <translation>Формирование расписания…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate the schedule</source>
        <translation>Формирование расписания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The templates and exceptions are laid onto the production calendar. What was generated for the period before is replaced; bookings stay, and those left outside working time are listed.</source>
        <translation>Шаблоны и исключения накладываются на производственный календарь. Сформированное ранее за этот период заменяется; записи пациентов сохраняются, а оказавшиеся вне рабочего времени выводятся списком.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period from</source>
        <translation>Период с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only for {name}</source>
        <translation>Только для: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For all doctors, offices and equipment</source>
        <translation>Для всех врачей, кабинетов и оборудования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate</source>
        <translation>&amp;Сформировать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done for {days} days: working ranges and breaks: {intervals}; days off of the calendar skipped: {skipped}.</source>
        <translation>Готово. Дней: {days}; интервалов работы и перерывов: {intervals}; пропущено нерабочих дней по календарю: {skipped}.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../workstations/contracts/catalogue_page.py" line="-517"/>
        <source>Rename the group</source>
        <translation>Переименование группы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New service group</source>
        <translation>Новая группа услуг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: LAB</source>
        <translation>Например: LAB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: Laboratory tests</source>
        <translation>Например: Лабораторные исследования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
</context>
<context>
    <name>GuiFlow</name>
    <message>
        <location filename="../../medcenter_desktop/app.py" line="+99"/>
        <source>There is no workstation “{name}”.</source>
        <translation>Рабочего места «{name}» не существует.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The workstation “{workstation}” needs one of these jobs: {jobs}. Your user does not have it; ask the administrator.</source>
        <translation>Для рабочего места «{workstation}» нужна одна из должностных ролей: {jobs}. У вашего пользователя её нет; обратитесь к администратору.</translation>
    </message>
</context>
<context>
    <name>HeadOfRegistryWindow</name>
    <message>
        <location filename="../../workstations/head_of_registry/window.py" line="+106"/>
        <location line="+6"/>
        <source>History of actions</source>
        <translation>История действий</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Who registered, changed or opened what, when and at which workstation. Choose a registrar to see their actions.</source>
        <translation>Кто, когда и на каком рабочем месте зарегистрировал, изменил или открыл запись. Выберите регистратора, чтобы увидеть его действия.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedules</source>
        <translation>Расписания</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workload</source>
        <translation>Нагрузка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Production calendar</source>
        <translation>Производственный календарь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed schedule</source>
        <translation>Печать расписания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge duplicates</source>
        <translation>Объединение дублей</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sick-leave blanks</source>
        <translation>Бланки листков нетрудоспособности</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../workstations/cashier/history_page.py" line="+62"/>
        <source>Total ({count})</source>
        <translation>Итого ({count})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+124"/>
        <source>Client</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Безналичные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FD</source>
        <translation>ФД</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deposit</source>
        <translation>Аванс</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>The cash desk is not connected: see the notice at the top.</source>
        <translation>Касса не подключена: см. сообщение вверху окна.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>part of the client&apos;s name</source>
        <translation>часть ФИО пациента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../workstations/doctor/history_tab.py" line="-41"/>
        <source>Write a correction</source>
        <translation>Создать исправление</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No records in this card yet.</source>
        <translation>В этой карте ещё нет записей.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} · version {no} · {state}</source>
        <translation>{date} · версия {no} · {state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Author: {name}</source>
        <translation>Автор: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed {when} by {name}</source>
        <translation>Подписана {when}, {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrected by a later version.</source>
        <translation>Исправлена более поздней версией.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagnoses: {list}</source>
        <translation>Диагнозы: {list}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../medcenter_desktop/history_view.py" line="-133"/>
        <source>Patients</source>
        <extracomment>Human names of the audited tables.</extracomment>
        <translation>Пациенты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical cards</source>
        <translation>Медицинские карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical records</source>
        <translation>Записи в картах</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users&apos; organizations</source>
        <translation>Организации пользователей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access to card types</source>
        <translation>Доступ к видам карт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>Подразделения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offices</source>
        <translation>Кабинеты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialties</source>
        <translation>Специальности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions</source>
        <translation>Должности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical card types</source>
        <translation>Виды медицинских карт</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Created</source>
        <extracomment>What the audit trail&apos;s actions mean to a person.</extracomment>
        <translation>Создание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User management</source>
        <translation>Управление пользователями</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+114"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Card numbering</source>
        <translation>Нумерация карт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card movements</source>
        <translation>Движение бумажных карт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients&apos; addresses</source>
        <translation>Адреса пациентов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents to data processing</source>
        <translation>Согласия на обработку данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients&apos; documents</source>
        <translation>Документы пациентов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients&apos; phones</source>
        <translation>Телефоны пациентов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance policies</source>
        <translation>Страховые полисы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representatives</source>
        <translation>Законные представители</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnoses</source>
        <translation>Диагнозы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services performed</source>
        <translation>Выполненные услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings</source>
        <translation>Записи на приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order lines</source>
        <translation>Строки заказов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash desks</source>
        <translation>Кассы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash desk shifts</source>
        <translation>Кассовые смены</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash desk operations</source>
        <translation>Кассовые операции</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines of cash desk operations</source>
        <translation>Строки кассовых операций</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax deduction certificates</source>
        <translation>Справки для налогового вычета</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record number</source>
        <extracomment>Human names of the audited tables&apos; columns (see shared/models/); a column not named here is shown as it is called in the database.</extracomment>
        <translation>Номер записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created at</source>
        <translation>Создано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed at</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short name</source>
        <translation>Краткое название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify by SMS</source>
        <translation>Уведомлять по SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify by e-mail</source>
        <translation>Уведомлять по эл. почте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into patient</source>
        <translation>Объединён с пациентом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name for search</source>
        <translation>ФИО для поиска</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Действует с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid to</source>
        <translation>Действует по</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Действителен до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by</source>
        <translation>Кем выдан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued on</source>
        <translation>Дата выдачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurer</source>
        <translation>Страховая компания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn on</source>
        <translation>Дата отзыва согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>Объём согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default organization</source>
        <translation>Организация по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent department</source>
        <translation>Вышестоящее подразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office of the paper card</source>
        <translation>Кабинет бумажной карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical card</source>
        <translation>Медицинская карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>Тип карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened on</source>
        <translation>Дата открытия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed on</source>
        <translation>Дата закрытия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card location</source>
        <translation>Где бумажная карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card moved at</source>
        <translation>Бумажная карта перемещена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved at</source>
        <translation>Время перемещения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded at</source>
        <translation>Время записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form number</source>
        <translation>Номер формы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order in lists</source>
        <translation>Порядок в списках</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Префикс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the year</source>
        <translation>С годом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next number</source>
        <translation>Следующий номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical</source>
        <translation>Медицинская</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hired on</source>
        <translation>Дата приёма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed on</source>
        <translation>Дата увольнения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database role</source>
        <translation>Роль в базе данных</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Granted at</source>
        <translation>Время выдачи доступа</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Represented patient</source>
        <extracomment>Where a column means something else in one table.</extracomment>
        <translation>Представляемый пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits in the number</source>
        <translation>Цифр в номере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record kind</source>
        <translation>Вид записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office number</source>
        <translation>Номер кабинета</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Searching the history…</source>
        <extracomment>A search asked for while one was running (None: none): run when that one ends, not dropped.</extracomment>
        <translation>Поиск в истории…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient No.:</source>
        <translation>№ п&amp;ациента:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;eriod:</source>
        <translation>П&amp;ериод:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Table:</source>
        <translation>&amp;Раздел:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation>&amp;Действие:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search with these filters (Enter)</source>
        <translation>Искать по этим условиям (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes in the selected entry</source>
        <translation>Изменения в выбранной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any table</source>
        <translation>все разделы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any action</source>
        <translation>все действия</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>anyone</source>
        <translation>все пользователи</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the filters and press Find.</source>
        <translation>Задайте условия и нажмите «Найти».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was found for these filters.</source>
        <translation>По этим условиям ничего не найдено.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries found: {count} (newest first; at most {limit} are shown).</source>
        <translation>Найдено записей: {count} (сначала новые; показывается не более {limit}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an entry to see what changed.</source>
        <translation>Выберите запись, чтобы увидеть изменения.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record {key}</source>
        <translation>запись {key}</translation>
    </message>
</context>
<context>
    <name>InsurerApprovals</name>
    <message>
        <location filename="../../medcenter_desktop/insurer_approvals.py" line="+83"/>
        <source>Reference</source>
        <extracomment>Bus name announced after an approval was recorded, revoked, or a line linked to one. Jobs whose holders record approvals (the database&apos;s grants decide; this only hides the buttons).</extracomment>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurer</source>
        <translation>Страховая компания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Согласовал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
</context>
<context>
    <name>InsurerApprovalsPanel</name>
    <message>
        <location line="+439"/>
        <source>Revoke the approval</source>
        <extracomment>The dialog open now (tests drive it).</extracomment>
        <translation>Отзыв согласования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the approval No. {reference} revoked?</source>
        <translation>Почему отзывается согласование № {reference}?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record approval… (Ins)</source>
        <translation>Зарегистрировать согласование… (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No approvals recorded.</source>
        <translation>Согласований нет.</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../shared/db/roles.py" line="-26"/>
        <source>Registrar</source>
        <translation>Медицинский регистратор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation>Администратор приёма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call centre operator</source>
        <translation>Оператор колл-центра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of registry</source>
        <translation>Заведующий регистратурой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical worker</source>
        <translation>Медицинский работник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts manager</source>
        <translation>Менеджер по договорам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketer</source>
        <translation>Маркетолог</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of the organization</source>
        <translation>Руководитель организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admission department</source>
        <translation>Приёмное отделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical statistician</source>
        <translation>Медицинский статистик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Администратор системы</translation>
    </message>
</context>
<context>
    <name>LauncherWindow</name>
    <message>
        <location filename="../../medcenter_desktop/launcher.py" line="+167"/>
        <source>MedCenter Desktop</source>
        <extracomment>Emitted with the window a card opened.</extracomment>
        <translation>MedCenter Desktop</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No organization</source>
        <translation>Организация не выбрана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization No. {id}</source>
        <translation>Организация № {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{organization} · server {server}</source>
        <translation>{organization} · сервер {server}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Printer calibration…</source>
        <translation>Калибровка принтера…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sick-leave printer calibration of this workstation</source>
        <translation>Калибровка принтера для печати листков нетрудоспособности на этом рабочем месте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a workstation</source>
        <translation>Выберите рабочее место</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No workstation is available for your jobs. Ask the administrator to assign you a job (registrar, cashier, doctor, …) and log in again.</source>
        <translation>Для ваших должностных ролей нет доступных рабочих мест. Попросите администратора назначить вам роль (регистратор, кассир, врач, …) и войдите снова.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workstation: {name}</source>
        <translation>Компьютер: {name}</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../workstations/contracts/registers_page.py" line="+314"/>
        <source>Exclude a line from the register</source>
        <translation>Исключение строки из реестра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct a line of the register</source>
        <translation>Исправление строки реестра</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} {service}, {patient}, performed {day}; the clinic&apos;s amount {amount}.</source>
        <translation>{code} {service}, {patient}, выполнена {day}; сумма по данным клиники: {amount}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules of equal priority give the codes {codes}: choose one.</source>
        <translation>Правила с одинаковым приоритетом задают коды {codes}: выберите один.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payer&apos;s &amp;code</source>
        <translation>&amp;Код у плательщика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payer&apos;s ser&amp;vice</source>
        <translation>&amp;Услуга у плательщика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Amount</source>
        <translation>&amp;Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Why</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example: the payer does not cover this service</source>
        <translation>Например: плательщик не оплачивает эту услугу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: why it is mapped so</source>
        <translation>Необязательно: почему сопоставлено именно так</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xclude</source>
        <translation>&amp;Исключить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../workstations/cashier/lines_model.py" line="+17"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>LinkApprovalDialog</name>
    <message>
        <location filename="../../medcenter_desktop/insurer_approvals.py" line="-148"/>
        <source>The line relies on an insurer&apos;s approval</source>
        <extracomment>The approval the line relies on now (read in the background), or None.</extracomment>
        <translation>Строка опирается на согласование страховой компании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Привязать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The line relies on the approval No. {reference} of {insurer} now.</source>
        <translation>Теперь строка опирается на согласование № {reference} ({insurer}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No active approval of this patient covers the service on the line&apos;s date.</source>
        <translation>Ни одно действующее согласование этого пациента не распространяется на услугу на дату строки.</translation>
    </message>
</context>
<context>
    <name>LoadRateDialog</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="+100"/>
        <source>Choose a service from the catalogue.</source>
        <translation>Выберите услугу из справочника.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add a service</source>
        <translation>Добавление услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Minutes it takes</source>
        <translation>&amp;Норма времени</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../medcenter_desktop/login_window.py" line="+62"/>
        <source>User</source>
        <extracomment>(login, job title, password) of a demo clinic user.</extracomment>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Enter your user name.</source>
        <extracomment>A message for the next screen (e.g. the password could not be remembered), translated.</extracomment>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Log in — MedCenter Desktop</source>
        <translation>Вход — MedCenter Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic information system</source>
        <translation>Медицинская информационная система</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+220"/>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>Пар&amp;оль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example, ivanova</source>
        <translation>например, ivanova</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Запомнить меня на этом компьютере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is kept in the operating system&apos;s password store, never in a file.</source>
        <translation>Пароль хранится в хранилище паролей операционной системы, а не в файле.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+220"/>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>&amp;Host:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>По&amp;рт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo clinic</source>
        <translation>Демонстрационная клиника</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a demonstration database. Click a user to fill in the fields.</source>
        <translation>Это демонстрационная база данных. Щёлкните пользователя, чтобы заполнить поля.</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>Enter the server address.</source>
        <translation>Введите адрес сервера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the database name.</source>
        <translation>Введите имя базы данных.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Server: {server}</source>
        <translation>Сервер: {server}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The settings could not be saved: {problem}</source>
        <translation>Не удалось сохранить настройки: {problem}</translation>
    </message>
</context>
<context>
    <name>MeasuredPositionsDialog</name>
    <message>
        <location filename="../../medcenter_desktop/printer_calibration.py" line="+392"/>
        <source>Measured positions of the crosshairs</source>
        <translation>Измеренные положения перекрестий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure with a ruler, in millimetres, from the sheet&apos;s left and top edges to the centres of the crosshairs on the calibration page printed with: offset X {x}, Y {y} mm; scale X {sx}, Y {sy}.</source>
        <translation>Измерьте линейкой в миллиметрах расстояния от левого и верхнего краёв листа до центров перекрестий на калибровочной странице, напечатанной с параметрами: смещение X {x}, Y {y} мм; масштаб X {sx}, Y {sy}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A, from the left edge (meant {value} mm)</source>
        <translation>A, от левого края (должно быть {value} мм)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A, from the top edge (meant {value} mm)</source>
        <translation>A, от верхнего края (должно быть {value} мм)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B, from the left edge (meant {value} mm)</source>
        <translation>B, от левого края (должно быть {value} мм)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C, from the top edge (meant {value} mm)</source>
        <translation>C, от верхнего края (должно быть {value} мм)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>from the left edge</source>
        <translation>от левого края</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from the top edge</source>
        <translation>от верхнего края</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crosshair {mark}, {side}</source>
        <translation>перекрестие {mark}, {side}</translation>
    </message>
</context>
<context>
    <name>MergePage</name>
    <message>
        <location filename="../../workstations/head_of_registry/merge_page.py" line="+43"/>
        <location line="+105"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+105"/>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="-104"/>
        <location line="+107"/>
        <source>Medical cards</source>
        <translation>Медицинские карты</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Surname, birth date, phone, SNILS, card…</source>
        <extracomment>The chosen client changed (its summary is loaded, or nobody is chosen).</extracomment>
        <translation>Фамилия, дата рождения, телефон, СНИЛС, карта…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep this record</source>
        <translation>&amp;Оставить эту запись</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Merge {drop} into {keep}? The record of {drop} stays only as a reference to the kept one; this cannot be undone here.</source>
        <extracomment>Emitted after a merge: (kept id, dropped id).</extracomment>
        <translation>Объединить {drop} с {keep}? Запись {drop} останется только как ссылка на сохранённую; отменить это здесь нельзя.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merge duplicates</source>
        <translation>Объединение дублей</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Find the two records of the same person, compare them and choose which to keep. The other record&apos;s cards, phones, documents, policies and representatives move to the kept one.</source>
        <translation>Найдите две записи одного человека, сравните их и выберите, какую оставить. Карты, телефоны, документы, полисы и представители другой записи перейдут к оставленной.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First record</source>
        <translation>Первая запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second record</source>
        <translation>Вторая запись</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merged. The kept record now has the other&apos;s cards.</source>
        <translation>Объединено. Карты другой записи теперь у оставленной.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Both sides show the same record: choose another one on one side.</source>
        <translation>С обеих сторон выбрана одна и та же запись: выберите другую с одной из сторон.</translation>
    </message>
</context>
<context>
    <name>NumberingPage</name>
    <message>
        <location filename="../../workstations/administrator/numbering_page.py" line="+38"/>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card type</source>
        <translation>Тип карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Префикс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With year</source>
        <translation>С годом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits</source>
        <translation>Цифр в номере</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Next card</source>
        <translation>Следующая карта</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Card numbering</source>
        <translation>Нумерация карт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number anew every year</source>
        <translation>Начинать нумерацию заново каждый год</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Prefix</source>
        <translation>&amp;Префикс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Digits</source>
        <translation>&amp;Цифр в номере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next number</source>
        <translation>&amp;Следующий номер</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>How new medical cards are numbered in each organization. Double-click a row to change it.</source>
        <translation>Как нумеруются новые медицинские карты в каждой организации. Чтобы изменить правило, дважды щёлкните строку.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Change…</source>
        <translation>Из&amp;менить…</translation>
    </message>
</context>
<context>
    <name>OrderDialogs</name>
    <message>
        <location filename="../../workstations/registrar/order_dialogs.py" line="-111"/>
        <source>Regular client</source>
        <translation>Постоянный пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation for a long wait</source>
        <translation>Компенсация за долгое ожидание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member&apos;s relative</source>
        <translation>Родственник сотрудника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>Акция</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client changed their mind</source>
        <translation>Пациент передумал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered by mistake</source>
        <translation>Заказано по ошибке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The doctor is not available</source>
        <translation>Врач отсутствует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by another service</source>
        <translation>Заменена другой услугой</translation>
    </message>
    <message>
        <location line="+292"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made</source>
        <translation>Оформлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>Обратившийся</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../../workstations/registrar/order_page.py" line="+485"/>
        <source>Choose a service from the list: type part of its code or name.</source>
        <extracomment>The order was given to a client (personalized): patient id. The order on screen (None while it is new and has no line yet). The dialog open now (discount, cancel, booking, client): tests drive it. The last PDF built for printing (tests check its bytes), and the last Print menu shown.</extracomment>
        <translation>Выберите услугу из списка: введите часть её кода или наименования.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nobody performs “{service}” by appointment: it is not booked.</source>
        <translation>Услугу «{service}» никто не оказывает по записи: записывать на неё не нужно.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Discount applied: {service} now costs {amount}.</source>
        <translation>Скидка применена: {service} теперь стоит {amount}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The insurer&apos;s approval “{service}” relies on is updated.</source>
        <translation>Согласование страховой компании для услуги «{service}» обновлено.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: {service}.</source>
        <translation>Строка отменена: {service}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Route sheet</source>
        <translation>Маршрутный лист</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invoice for payment: {payer} ({amount})</source>
        <translation>Счёт на оплату: {payer} ({amount})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route sheet, order No. {number}</source>
        <translation>Маршрутный лист, заказ № {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invoice for payment, order No. {number}</source>
        <translation>Счёт на оплату, заказ № {number}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attach the order to a client</source>
        <translation>Привязать заказ к пациенту</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>← Back (Esc)</source>
        <translation>← Назад (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach to a client…</source>
        <translation>&amp;Привязать к пациенту…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a service (Ins)</source>
        <translation>Добавить услугу (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;yer</source>
        <translation>Пл&amp;ательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Qty</source>
        <translation>&amp;Кол-во</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the code or the name</source>
        <translation>Введите часть кода или наименования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add (Enter)</source>
        <translation>Добавить (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add over the quota</source>
        <translation>Добавить сверх квоты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why this price</source>
        <translation>Почему такая цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book… (F5)</source>
        <translation>Записать… (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discount…</source>
        <translation>&amp;Скидка…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel line… (Del)</source>
        <translation>Отменить строку… (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurer a&amp;pproval…</source>
        <translation>Со&amp;гласование СК…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print… (Ctrl+P)</source>
        <translation>Печать… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No services yet: type a service above and press Enter.</source>
        <translation>Услуг пока нет: введите услугу выше и нажмите Enter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ins add a service · F5 book the line · Del cancel the line · Ctrl+P print · Esc back</source>
        <translation>Ins — добавить услугу · F5 — записать по строке · Del — отменить строку · Ctrl+P — печать · Esc — назад</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Preparation: {text}</source>
        <translation>Подготовка: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not booked by appointment.</source>
        <translation>Без записи на приём.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose a service: its price for the payer, and why, shows here before it is added.</source>
        <translation>Выберите услугу: до добавления здесь будет показана её цена для плательщика и обоснование этой цены.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{quantity} × {price} = {amount}</source>
        <translation>{quantity} × {price} = {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{quantity} × {price} − {discount} = {amount}</source>
        <translation>{quantity} × {price} − {discount} = {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quota “{quota}” has no room for this line.</source>
        <translation>В квоте «{quota}» не хватает места для этой строки.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Added: {service} — {amount}.</source>
        <translation>Добавлено: {service} — {amount}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its {count} steps are lines of their own: book each one.</source>
        <translation>Этапы услуги ({count}) добавлены отдельными строками: запишите пациента на каждый.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Over the quota: the override is on record.</source>
        <translation>Добавлено сверх квоты: разрешение на превышение зафиксировано.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Booked: {service}, {when}. Ctrl+P prints the route sheet.</source>
        <translation>Запись создана: {service}, {when}. Ctrl+P — печать маршрутного листа.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The order now belongs to {client}.</source>
        <translation>Теперь заказ привязан к пациенту {client}.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>New order for {client}</source>
        <translation>Новый заказ: {client}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order No. {number}</source>
        <translation>Заказ № {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order No. {number} of {day} — {client}</source>
        <translation>Заказ № {number} от {day} — {client}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Without a client card: {name}, {phone}. When the client comes, attach the order to their card.</source>
        <translation>Без карты пациента: {name}, {phone}. Когда пациент придёт, привяжите заказ к его карте.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Total: {amount}</source>
        <translation>Итого: {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To pay by the client: {amount}</source>
        <translation>К оплате пациентом: {amount}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The client&apos;s services: {amount}</source>
        <translation>За счёт пациента: {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid by {payer}: {amount}</source>
        <translation>Оплачивает {payer}: {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a line to see how its price was found.</source>
        <translation>Выберите строку, чтобы увидеть, как определена её цена.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Package</source>
        <translation>Комплексная услуга</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base price</source>
        <translation>Базовая цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled because</source>
        <translation>Причина отмены</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location line="-856"/>
        <source>(optional)</source>
        <translation>(необязательно)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/registrar/orders_panel.py" line="+33"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approval needed</source>
        <translation>нужно согласование</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Why this price:</source>
        <extracomment>The widest the long columns start (elided beyond; the side panel has them whole).</extracomment>
        <translation>Почему такая цена:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{payer} performs this service only with its approval: call the insurer, record the approval and link it to the line (Insurer approval…).</source>
        <translation>{payer} оплачивает эту услугу только по согласованию: позвоните в страховую компанию, зарегистрируйте согласование и привяжите его к строке (Согласование СК…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: {reason}</source>
        <translation>Отменена: {reason}</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/order_texts.py" line="+62"/>
        <source>Client</source>
        <extracomment>Status colours (text, background) of lines and orders.</extracomment>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>from {day}</source>
        <translation>с {day}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client personally</source>
        <translation>Пациент лично</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>public offer {number}</source>
        <translation>публичная оферта {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Valid {period}</source>
        <translation>Действует {period}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Covers every service</source>
        <translation>Распространяется на все услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covers the services listed in the agreement</source>
        <translation>Распространяется на услуги, перечисленные в договоре</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/orders_panel.py" line="-5"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To pay</source>
        <translation>К оплате</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <location line="+76"/>
        <source>New order… (Ins)</source>
        <extracomment>Start a new order for this client: patient id. Open this order: order id.</extracomment>
        <translation>Новый заказ… (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open (Enter)</source>
        <translation>Открыть (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No orders yet.</source>
        <translation>Заказов пока нет.</translation>
    </message>
</context>
<context>
    <name>OrphansPanel</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="-265"/>
        <source>Moved to new times: {moved} of {total}. Call the patients:</source>
        <extracomment>The bookings were moved: the report (a tuple of `MovedBooking`).</extracomment>
        <translation>Перенесено на новое время: {moved} из {total}. Позвоните пациентам:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bookings now outside working time: {count}. Call these patients:</source>
        <translation>Записей вне рабочего времени: {count}. Позвоните этим пациентам:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bookings are left outside working time.</source>
        <translation>Записей вне рабочего времени не осталось.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to the first free time of any doctor performing the service:</source>
        <translation>Перенести на первое свободное время любого врача, оказывающего услугу:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the &amp;same day</source>
        <translation>начиная с того же &amp;дня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the ne&amp;xt day</source>
        <translation>начиная со с&amp;ледующего дня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move these bookings</source>
        <translation>&amp;Перенести эти записи</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No free time found, left where they were: {count}. Agree a time with these patients.</source>
        <translation>Свободное время не найдено, записи остались на прежнем месте: {count}. Согласуйте время с этими пациентами.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location line="+29"/>
        <source>Patients to call</source>
        <translation>Обзвон пациентов</translation>
    </message>
</context>
<context>
    <name>PaperCards</name>
    <message>
        <location filename="../../workstations/registrar/card_dialogs.py" line="+37"/>
        <source>in the archive</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in an office</source>
        <translation>в кабинете</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued to the patient</source>
        <translation>выдана пациенту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>утеряна</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move paper card {number}</source>
        <translation>Перемещение бумажной карты {number}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Goes</source>
        <translation>&amp;Куда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;ffice</source>
        <translation>Ка&amp;бинет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>End of day: cards not returned</source>
        <translation>Конец дня: невозвращённые карты</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not returned: {count}</source>
        <translation>Не возвращено: {count}</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../workstations/registrar/patient_form.py" line="+197"/>
        <source>&amp;Surname</source>
        <extracomment>Emitted on every edit (the form now differs from what was loaded).</extracomment>
        <translation>&amp;Фамилия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patronymic</source>
        <translation>&amp;Отчество</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date</source>
        <translation>Дата рожд&amp;ения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x</source>
        <translation>П&amp;ол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;NILS</source>
        <translation>СНИ&amp;ЛС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;OMS policy</source>
        <translation>Полис О&amp;МС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hones</source>
        <translation>&amp;Телефоны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-&amp;mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notify by</source>
        <translation>Уведомлять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16 digits</source>
        <translation>16 цифр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>one number per line</source>
        <translation>по одному номеру в строке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>по SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>по эл. почте</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../workstations/doctor/patient_page.py" line="+160"/>
        <source>Card:</source>
        <extracomment>The office whose day the list shows (None: the user&apos;s own schedule).</extracomment>
        <translation>Карта:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit (Ctrl+1)</source>
        <translation>Приём (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services (Ctrl+3)</source>
        <translation>Услуги (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communications (Ctrl+4)</source>
        <translation>Обращения (Ctrl+4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sick leave (Ctrl+5)</source>
        <translation>Больничные (Ctrl+5)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>born {date}</source>
        <translation>дата рождения {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No. {number} · {type}</source>
        <translation>№ {number} · {type}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no card you may open</source>
        <translation>нет карты, которую вам разрешено открывать</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Not on the day&apos;s list: a record without a visit.</source>
        <translation>Нет в списке на день: запись без приёма.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit {time}</source>
        <translation>Приём {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>office {number}</source>
        <translation>каб. {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>walk-in</source>
        <translation>без записи</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Repeat visit booked: {when}, {service}.</source>
        <translation>Записан на повторный приём: {when}, {service}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Repeat visit</source>
        <translation>Повторный приём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} for {patient}</source>
        <translation>{service}: {patient}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The visit record cannot be saved as it is: see the message under the record, correct it, then book.</source>
        <translation>Запись о приёме нельзя сохранить в таком виде: прочитайте сообщение под записью, исправьте её, затем запишите на приём.</translation>
    </message>
</context>
<context>
    <name>PayPanel</name>
    <message>
        <location filename="../../workstations/cashier/pay_panel.py" line="+253"/>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>Смешанная</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the card part; the rest is paid in cash</source>
        <translation>Введите сумму по карте; остальное — наличными</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the deposit · F10</source>
        <translation>Зачёт аванса · F10</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>available {sum}</source>
        <translation>доступно {sum}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pays part of the sum or all of it from the client&apos;s deposit; F2, F3 or F4 say how the rest is paid</source>
        <translation>Оплата части суммы или всей суммы из аванса клиента; остаток — как выбрано клавишами F2, F3 или F4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To pay</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the deposit</source>
        <translation>Зачёт аванса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to {sum}</source>
        <translation>до {sum}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By card</source>
        <translation>Безналичными</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In cash</source>
        <translation>Наличными</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic receipt to</source>
        <translation>Электронный чек на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what the client handed over</source>
        <translation>сколько дал клиент</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>card part</source>
        <translation>сумма по карте</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>phone or e-mail (optional)</source>
        <translation>телефон или e-mail (необязательно)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay (Enter, F9)</source>
        <translation>Оплатить (Enter, F9)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>short by {sum}</source>
        <translation>не хватает {sum}</translation>
    </message>
</context>
<context>
    <name>PayersPage</name>
    <message>
        <location filename="../../workstations/contracts/payers_page.py" line="+201"/>
        <location line="+69"/>
        <source>Payers</source>
        <translation>Плательщики</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find by name or INN…</source>
        <translation>Поиск по наименованию или ИНН…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;inactive</source>
        <translation>Показывать н&amp;еактивных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New payer</source>
        <translation>&amp;Новый плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N&amp;ame</source>
        <translation>Наи&amp;менование</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;INN</source>
        <translation>&amp;ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add&amp;ress</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No&amp;te</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KP&amp;P</source>
        <translation>&amp;КПП</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;OGRN</source>
        <translation>&amp;ОГРН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name as in the agreement</source>
        <translation>Полное наименование, как в договоре</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 or 12 digits</source>
        <translation>10 или 12 цифр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ctive: may be chosen for new agreements and orders</source>
        <translation>&amp;Действует: можно выбирать в новых договорах и заказах</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the payer</source>
        <translation>&amp;Сохранить плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Shown: {shown}</source>
        <translation>Показано: {shown}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The payer has unsaved changes. Leave them unsaved?</source>
        <translation>Изменения плательщика не сохранены. Уйти без сохранения?</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>New payer</source>
        <translation>Новый плательщик</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The payer is saved.</source>
        <translation>Плательщик сохранён.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../workstations/cashier/payment_page.py" line="+224"/>
        <location line="+173"/>
        <source>The cash desk is not ready: see the notice at the top of the window.</source>
        <translation>Касса не готова: см. сообщение вверху окна.</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+166"/>
        <source>Waiting for the card terminal: the client inserts the card and enters the PIN…</source>
        <translation>Ожидание терминала: клиент прикладывает карту и вводит ПИН-код…</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Printing the receipt…</source>
        <translation>Печать чека…</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The client has no deposit.</source>
        <translation>У клиента нет аванса.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Space checks or unchecks a line · Enter to the payment · F2 cash · F3 card · F4 mixed · F10 from the deposit · F9 pay · Ctrl+D take a deposit · Esc next client</source>
        <translation>Пробел — отметить строку · Enter — к оплате · F2 наличные · F3 карта · F4 смешанная · F10 зачёт аванса · F9 оплатить · Ctrl+D принять аванс · Esc — следующий клиент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take a deposit… (Ctrl+D)</source>
        <translation>Принять аванс… (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An advance from the client for later services</source>
        <translation>Предоплата клиента за будущие услуги</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Find the client who pays, or type № and the order number.</source>
        <translation>Найдите плательщика или введите № и номер заказа.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client without a card</source>
        <translation>Клиент без карты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} · order {number}</source>
        <translation>{name} · заказ {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to pay: every line is paid, cancelled or paid by a payer.</source>
        <translation>Оплачивать нечего: все строки оплачены, отменены или оплачиваются плательщиком.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deposit: {sum}</source>
        <translation>Аванс: {sum}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No deposit</source>
        <translation>Аванса нет</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>To pay: {sum} ({checked} of {lines} lines)</source>
        <translation>К оплате: {sum} (строк: {checked} из {lines})</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+44"/>
        <source>{message} Decide what to do in the window that opened.</source>
        <translation>{message} Примите решение в открывшемся окне.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Printing the advance receipt…</source>
        <translation>Печать чека предоплаты…</translation>
    </message>
</context>
<context>
    <name>PaymentScheduleEditor</name>
    <message>
        <location filename="../../workstations/contracts/agreements_page.py" line="+483"/>
        <source>New scheduled payment</source>
        <translation>Новый платёж по графику</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ue on</source>
        <translation>&amp;Срок оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mount, ₽</source>
        <translation>С&amp;умма, ₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: for March</source>
        <translation>Например: за март</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add the payment</source>
        <translation>&amp;Добавить платёж</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received from the payer (the chosen payment)</source>
        <translation>Получено от плательщика (выбранный платёж)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paid, ₽</source>
        <translation>&amp;Оплачено, ₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>o&amp;n</source>
        <translation>д&amp;ата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Внести</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid in &amp;full</source>
        <translation>Оплачено пол&amp;ностью</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No payments are scheduled.</source>
        <translation>Платежи в графике не запланированы.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scheduled: {total} ₽ · paid: {paid} ₽ · overdue: {overdue} ₽</source>
        <translation>По графику: {total} ₽ · оплачено: {paid} ₽ · просрочено: {overdue} ₽</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <location filename="../../medcenter_desktop/document_preview.py" line="-69"/>
        <source>No program to show PDF files was found. The form is saved as {path}.</source>
        <extracomment>What the last `show_document` did (tests look): the preview dialog, or the path of the file opened.</extracomment>
        <translation>Не найдена программа для просмотра PDF. Форма сохранена в файл {path}.</translation>
    </message>
</context>
<context>
    <name>PerformDialog</name>
    <message>
        <location filename="../../workstations/doctor/services_tab.py" line="+25"/>
        <source>Performed: {service}</source>
        <translation>Выполнено: {service}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Patient:</source>
        <translation>Пациент:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office:</source>
        <translation>Кабинет:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Started:</source>
        <translation>&amp;Начало:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ended:</source>
        <translation>&amp;Окончание:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Result:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Performed (Enter)</source>
        <translation>Выполнено (Enter)</translation>
    </message>
</context>
<context>
    <name>Prescription</name>
    <message>
        <location filename="../../shared/services/prescriptions.py" line="+6"/>
        <source>orally</source>
        <extracomment>How a route reads in a prescription (&quot;Amoxicillin 500 mg orally ...&quot;).</extracomment>
        <translation>внутрь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sublingually</source>
        <translation>сублингвально</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intravenously</source>
        <translation>внутривенно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intramuscularly</source>
        <translation>внутримышечно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subcutaneously</source>
        <translation>подкожно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>topically</source>
        <translation>местно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by inhalation</source>
        <translation>ингаляционно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rectally</source>
        <translation>ректально</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>into the eyes</source>
        <translation>в глаза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>into the nose</source>
        <translation>в нос</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>oral</source>
        <extracomment>The routes&apos; names for a list to choose from.</extracomment>
        <translation>пероральный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sublingual</source>
        <translation>сублингвальный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intravenous</source>
        <translation>внутривенный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intramuscular</source>
        <translation>внутримышечный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subcutaneous</source>
        <translation>подкожный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>topical</source>
        <translation>местный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inhalation</source>
        <translation>ингаляционный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rectal</source>
        <translation>ректальный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ophthalmic</source>
        <translation>офтальмологический</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nasal</source>
        <translation>назальный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>другой</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>once a day</source>
        <translation>1 раз в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>twice a day</source>
        <translation>2 раза в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} times a day</source>
        <translation>{n} раз(а) в день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as needed</source>
        <translation>по требованию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day</source>
        <translation>1 день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from {date}</source>
        <translation>с {date}</translation>
    </message>
</context>
<context>
    <name>PrescriptionsBox</name>
    <message>
        <location filename="../../workstations/doctor/prescriptions_box.py" line="+161"/>
        <source>Cancel the prescription</source>
        <translation>Отмена назначения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is it cancelled?</source>
        <translation>Почему назначение отменяется?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Drug:</source>
        <translation>&amp;Препарат:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Times a day:</source>
        <translation>&amp;Раз в день:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ays:</source>
        <translation>&amp;Дней:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, form (Ctrl+R)</source>
        <translation>Название, форма (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>Доза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions: after meals…</source>
        <translation>Указания: после еды…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add
(Enter)</source>
        <translation>Добавить
(Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove / cancel… (Del)</source>
        <translation>Удалить / отменить… (Del)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Выполнено</translation>
    </message>
</context>
<context>
    <name>PriceListDialog</name>
    <message>
        <location filename="../../workstations/contracts/prices_page.py" line="-35"/>
        <source>Rename the price list</source>
        <translation>Переименование прейскуранта</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New price list</source>
        <translation>Новый прейскурант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: Prices for companies</source>
        <translation>Например: Цены для организаций</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who the list is for</source>
        <translation>Для кого прейскурант</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;default list (for patients paying themselves)</source>
        <translation>Прейскурант по &amp;умолчанию (для пациентов, оплачивающих услуги сами)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <location line="+231"/>
        <source>Choose the service the price is for.</source>
        <translation>Выберите услугу, для которой задаётся цена.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete the price {amount} ₽ of “{service}” valid {period}?

An earlier price of the service keeps its end date: add a price for the days left without one.</source>
        <translation>Удалить цену {amount} ₽ услуги «{service}», действующую {period}?

У предыдущей цены услуги сохранится дата окончания: добавьте цену на оставшиеся без цены дни.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>Price lists</source>
        <translation>Прейскуранты</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>The price is deleted.</source>
        <translation>Цена удалена.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{name}” is now the default price list.</source>
        <translation>«{name}» теперь прейскурант по умолчанию.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New price list…</source>
        <translation>&amp;Новый прейскурант…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me…</source>
        <translation>Переи&amp;меновать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make it the de&amp;fault</source>
        <translation>Сделать &amp;основным</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The default list prices the services of patients paying themselves</source>
        <translation>По основному прейскуранту оплачивают услуги пациенты, платящие сами за себя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force &amp;on</source>
        <translation>&amp;Действуют на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All periods</source>
        <translation>&amp;Все периоды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find by code or name…</source>
        <translation>Поиск по коду или наименованию…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete the price…</source>
        <translation>Уд&amp;алить цену…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New price</source>
        <translation>Новая цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ervice</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Price</source>
        <translation>Ц&amp;ена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;from</source>
        <translation>&amp;с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>₽</source>
        <translation>₽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;until</source>
        <translation>&amp;по</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 500,00</source>
        <translation>1 500,00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a code or name…</source>
        <translation>Введите часть кода или наименования…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the pri&amp;ce</source>
        <translation>Добавить &amp;цену</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A price in force until changed that started earlier ends the day before the new one. Leave “until” clear for a price in force until changed.</source>
        <translation>Бессрочная цена, действовавшая ранее, заканчивает действовать накануне начала новой. Для бессрочной цены оставьте поле «по» пустым.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prices: {name}</source>
        <translation>Цены: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The default list: patients paying themselves.</source>
        <translation>Основной прейскурант: для пациентов, оплачивающих услуги самостоятельно.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Prices in force on {day}: {count}</source>
        <translation>Цен, действующих на {day}: {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prices of every period: {count}</source>
        <translation>Цен за все периоды: {count}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>from {start}</source>
        <translation>с {start}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The price of “{service}” is added from {start}.</source>
        <translation>Цена услуги «{service}» добавлена с {start}.</translation>
    </message>
</context>
<context>
    <name>PrintSchedulePage</name>
    <message>
        <location filename="../../workstations/head_of_registry/print_page.py" line="+156"/>
        <source>work-schedule-{date}.pdf</source>
        <extracomment>The PDF last built and the Monday of its week.</extracomment>
        <translation>график-работы-{date}.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the work schedule</source>
        <translation>Сохранение графика работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The work schedule of the specialists for patients, as hung at reception: choose the week, preview it, then print it or save it as PDF.</source>
        <translation>График работы специалистов для пациентов, как его вывешивают в регистратуре: выберите неделю, просмотрите график, затем распечатайте его или сохраните в PDF.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Week of</source>
        <translation>&amp;Неделя с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous week</source>
        <translation>Предыдущая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next week</source>
        <translation>Следующая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This wee&amp;k</source>
        <translation>Т&amp;екущая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>&amp;Просмотр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save PDF…</source>
        <translation>Со&amp;хранить PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rint…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open in PDF viewer</source>
        <translation>&amp;Открыть PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens the schedule in the PDF viewer of this computer, which can print it too</source>
        <translation>Открывает график в программе просмотра PDF на этом компьютере; из неё его тоже можно распечатать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole pa&amp;ges</source>
        <translation>Страница &amp;целиком</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the week and press Preview to see the schedule as it will be printed.</source>
        <translation>Выберите неделю и нажмите «Просмотр», чтобы увидеть график таким, каким он будет напечатан.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The preview shows the week of {date}. Press Preview for the chosen week.</source>
        <translation>Показана неделя с {date}. Чтобы увидеть выбранную неделю, нажмите «Просмотр».</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Building the work schedule…</source>
        <translation>Подготовка графика работы…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Week of {date}: %n page(s).</source>
        <translation>
            <numerusform>Неделя с {date}: %n страница.</numerusform>
            <numerusform>Неделя с {date}: %n страницы.</numerusform>
            <numerusform>Неделя с {date}: %n страниц.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The schedule is built, but this installation cannot draw PDF pages (Qt&apos;s PDF module is missing). Open it in your PDF viewer or save it.</source>
        <translation>График подготовлен, но в этой установке программы нельзя отрисовать страницы PDF (нет модуля Qt PDF). Откройте его в программе просмотра PDF или сохраните.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+38"/>
        <source>The file could not be written: {reason}</source>
        <translation>Не удалось записать файл: {reason}</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Saved to {path}.</source>
        <translation>Сохранено в файл {path}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print the work schedule</source>
        <translation>Печать графика работы</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Work schedule, week of {date}</source>
        <translation>График работы, неделя с {date}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Отправлено на печать: %n страница.</numerusform>
            <numerusform>Отправлено на печать: %n страницы.</numerusform>
            <numerusform>Отправлено на печать: %n страниц.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterCalibrationDialog</name>
    <message>
        <location filename="../../medcenter_desktop/printer_calibration.py" line="+46"/>
        <source>Sick-leave printer calibration</source>
        <translation>Калибровка принтера для листков нетрудоспособности</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a model…</source>
        <translation>Добавить модель…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer model</source>
        <translation>Модель принтера</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Correction</source>
        <translation>Поправка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offset X, mm (+ to the right)</source>
        <translation>Смещение X, мм (+ вправо)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset Y, mm (+ down)</source>
        <translation>Смещение Y, мм (+ вниз)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale X</source>
        <translation>Масштаб X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale Y</source>
        <translation>Масштаб Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unprintable margins, mm</source>
        <translation>Непечатаемые поля, мм</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top</source>
        <translation>Сверху</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom</source>
        <translation>Снизу</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Print calibration page…</source>
        <translation>Печать калибровочной страницы…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter measured positions…</source>
        <translation>Ввести измеренные положения…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the page on plain A4 paper, measure the crosshairs A, B and C with a ruler and enter the distances: the offsets and scales are corrected.</source>
        <translation>Напечатайте страницу на обычной бумаге A4, измерьте линейкой положение перекрестий A, B и C и введите расстояния: смещения и масштабы будут скорректированы.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calibration page</source>
        <translation>Калибровочная страница</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved in {path}</source>
        <translation>Сохраняется в {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>On the blank: characters over the blank&apos;s cells</source>
        <translation>На бланке: символы поверх клеток бланка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On plain paper: cells and field names printed</source>
        <translation>На обычной бумаге: печатаются клетки и названия полей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole sheet</source>
        <translation>Весь лист</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top left corner</source>
        <translation>Верхний левый угол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top right corner</source>
        <translation>Верхний правый угол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom left corner of the form</source>
        <translation>Нижний левый угол формы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bottom right corner of the form</source>
        <translation>Нижний правый угол формы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Zoom</source>
        <translation>&amp;Масштаб</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Black: what the printer is sent with these values (sample data); blue: the blank&apos;s cells where the blank has them; red: the printer&apos;s unprintable margins; grid: 1 mm.</source>
        <translation>Чёрным — то, что будет отправлено на принтер с этими значениями (пример данных); синим — клетки бланка, где они есть на бланке; красным — непечатаемые поля принтера; сетка — 1 мм.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Name the printer model.</source>
        <translation>Укажите модель принтера.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model «{name}» is already in the list or its name cannot be used.</source>
        <translation>Модель «{name}» уже есть в списке, или такое название использовать нельзя.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add a printer model</source>
        <translation>Добавление модели принтера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new model&apos;s name (its values are copied from «{model}»):</source>
        <translation>Название новой модели (значения копируются из модели «{model}»):</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Calibration page: {model}</source>
        <translation>Калибровочная страница: {model}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the calibration page</source>
        <translation>Печать калибровочной страницы</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The calibration page was sent to the printer at 100 %. Measure the crosshairs and enter the distances.</source>
        <translation>Калибровочная страница отправлена на принтер в масштабе 100 %. Измерьте перекрестия и введите расстояния.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The settings file cannot be written: {error}</source>
        <translation>Не удалось записать файл настроек: {error}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{model} (added)</source>
        <translation>{model} (добавлена)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shipped values</source>
        <translation>Заводские значения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the values this model ships with</source>
        <translation>Вернуть заводские значения этой модели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this model from the list</source>
        <translation>Удалить эту модель из списка</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Corrected from the measurements: offset X {x}, Y {y} mm; scale X {sx}, Y {sy}. Print the calibration page again to check, then save.</source>
        <translation>Скорректировано по измерениям: смещение X {x}, Y {y} мм; масштаб X {sx}, Y {sy}. Напечатайте калибровочную страницу ещё раз для проверки, затем сохраните.</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <location filename="../../workstations/contracts/quotas_page.py" line="+348"/>
        <source>The number of services is a whole number (leave it empty for no limit).</source>
        <translation>Количество услуг — целое число (оставьте поле пустым, если лимита нет).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount is a number of roubles, such as 150000 or 150000.50 (leave it empty for no limit).</source>
        <translation>Сумма указывается в рублях, например 150000 или 150000.50 (оставьте поле пустым, если лимита нет).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Quota “{name}”</source>
        <translation>Квота «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New quota</source>
        <translation>Новая квота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sou&amp;rce</source>
        <translation>&amp;Источник</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agr&amp;eement</source>
        <translation>&amp;Договор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Payer</source>
        <translation>&amp;Плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;group</source>
        <translation>&amp;Группа услуг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ser&amp;vice</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Department</source>
        <translation>П&amp;одразделение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peri&amp;od</source>
        <translation>П&amp;ериод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services, at &amp;most</source>
        <translation>Услуг, не &amp;более</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ro&amp;ubles, at most</source>
        <translation>&amp;Рублей, не более</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example: Fictional fund, X-ray volumes of the month</source>
        <translation>Например: Условный фонд, объёмы рентгенографии за месяц</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any agreement</source>
        <translation>любой договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any payer</source>
        <translation>любой плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any group</source>
        <translation>любая группа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any service</source>
        <translation>любая услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any department</source>
        <translation>любое подразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Whole month</source>
        <translation>&amp;Весь месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the first to the last day of the month the period starts in</source>
        <translation>С первого по последний день месяца, в котором начинается период</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>no limit</source>
        <translation>без лимита</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>used: {count}</source>
        <translation>использовано: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used: {amount}</source>
        <translation>использовано: {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the number of services, the amount, or both; leave a field empty for no limit. A limit cannot be set below what is already used.</source>
        <translation>Укажите количество услуг, сумму или и то и другое; оставьте поле пустым, если лимита нет. Лимит нельзя установить меньше уже использованного.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Active: orders count against this quota</source>
        <translation>Квота &amp;активна: заказы расходуют её</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>QuotasPage</name>
    <message>
        <location line="-344"/>
        <source>External (the payer&apos;s volumes)</source>
        <extracomment>How often the usage is read again while the page is shown (ms). Changes after which the usage is read at once (orders charge quotas).</extracomment>
        <translation>Внешняя (объёмы плательщика)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own (the clinic&apos;s plan)</source>
        <translation>Собственная (план клиники)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>external</source>
        <translation>внешняя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>own</source>
        <translation>собственная</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>under 80 %</source>
        <extracomment>(level, bar colour, cell background, meaning), from the emptiest to the fullest.</extracomment>
        <translation>менее 80 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80–100 %</source>
        <translation>80–100 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 100 % (allowed over the limit)</source>
        <translation>более 100 % (разрешено сверх лимита)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>every order</source>
        <translation>все заказы</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies to</source>
        <translation>Распространяется на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services
limit</source>
        <translation>Услуги:
лимит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services
used</source>
        <translation>Услуги:
использовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services
left</source>
        <translation>Услуги:
осталось</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roubles
limit</source>
        <translation>Рубли:
лимит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roubles
used</source>
        <translation>Рубли:
использовано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roubles
left</source>
        <translation>Рубли:
осталось</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load</source>
        <translation>Загрузка</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Services: {used} of {limit} used, {left} left</source>
        <translation>Услуги: использовано {used} из {limit}, осталось {left}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services: {used} used, no limit</source>
        <translation>Услуги: использовано {used}, без лимита</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roubles: {used} of {limit} used, {left} left</source>
        <translation>Рубли: использовано {used} из {limit}, осталось {left}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roubles: {used} used, no limit</source>
        <translation>Рубли: использовано {used}, без лимита</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load: {percent} %</source>
        <translation>Загрузка: {percent} %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gone over the limit: orders were allowed over it.</source>
        <translation>Лимит превышен: заказы были разрешены сверх лимита.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not active: orders do not count against it.</source>
        <translation>Не активна: заказы не расходуют квоту.</translation>
    </message>
    <message>
        <location line="+377"/>
        <source>Quotas and their usage</source>
        <translation>Квоты и их использование</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every order line under a quota uses it at once; a line with no room left is refused unless a head of registry or the contracts department allows it over the limit. Hover over a row for details; press Enter or double-click to change a quota.</source>
        <translation>Каждая строка заказа, подпадающая под квоту, сразу расходует её; если квота исчерпана, строка не принимается, пока заведующий регистратурой или договорной отдел не разрешит её сверх лимита. Подробности — при наведении на строку; чтобы изменить квоту, нажмите Enter или дважды щёлкните.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In force &amp;on</source>
        <translation>&amp;Действуют на</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>С&amp;егодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All periods</source>
        <translation>&amp;Все периоды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update every 30 s</source>
        <translation>Обновлять каждые 30 с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New quota…</source>
        <translation>&amp;Новая квота…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load:</source>
        <translation>Загрузка:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No quotas are in force on {day}.</source>
        <translation>На {day} действующих квот нет.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No quotas yet.</source>
        <translation>Квот пока нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No quotas</source>
        <translation>Нет квот</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updated at {time}</source>
        <translation>Обновлено в {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quota is saved.</source>
        <translation>Квота сохранена.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../workstations/cashier/reconcile_dialog.py" line="+117"/>
        <source>Unfinished operations</source>
        <translation>Незавершённые операции</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These operations were cut short and the devices could not tell how they ended. Decide each one: look at the terminal&apos;s and the registrar&apos;s last printed slips.</source>
        <translation>Эти операции были прерваны, и оборудование не смогло сообщить, чем они закончились. Примите решение по каждой: посмотрите последние слипы терминала и документы ККТ.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Ask the devices again</source>
        <translation>Спросить оборудование ещё раз</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When a device is back on line it may settle the operation itself</source>
        <translation>Если оборудование снова на связи, оно может само завершить операцию</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Carrying out your decision…</source>
        <translation>Выполняется ваше решение…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking the devices…</source>
        <translation>Запрос к оборудованию…</translation>
    </message>
</context>
<context>
    <name>RecordApprovalDialog</name>
    <message>
        <location filename="../../medcenter_desktop/insurer_approvals.py" line="-163"/>
        <source>Record an insurer&apos;s approval</source>
        <translation>Регистрация согласования страховой компании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Insurer</source>
        <translation>&amp;Страховая компания</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Approved by</source>
        <translation>Сог&amp;ласовал</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reference No.</source>
        <translation>&amp;Номер согласования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid from – to</source>
        <translation>Срок &amp;действия с – по</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overall a&amp;mount limit</source>
        <translation>Общий ли&amp;мит суммы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service</source>
        <translation>&amp;Услуга</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approved services</source>
        <translation>Согласованные услуги</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add service</source>
        <translation>Добавить услугу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a code or a name</source>
        <translation>Введите код или название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roubles; blank: none</source>
        <translation>руб.; пусто — без лимита</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity limit</source>
        <translation>Лимит количества</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount limit</source>
        <translation>Лимит суммы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no limit</source>
        <translation>без лимита</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the validity as two dates dd.mm.yyyy.</source>
        <translation>Введите срок действия двумя датами в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The organization has no insurance companies among its payers.</source>
        <translation>Среди плательщиков организации нет страховых компаний.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../workstations/administrator/record_dialog.py" line="+44"/>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical card type</source>
        <translation>Вид медицинской карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash desk</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Short name:</source>
        <extracomment>Label source text (context RecordDialog). line, text, check, combo, date, optional_date, floor, number, zone For combos: organizations, departments, parents, positions, specialties, kinds. Placeholder source text of a line field (context RecordDialog).</extracomment>
        <translation>&amp;Краткое наименование:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Полное наименование:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;OGRN:</source>
        <translation>&amp;ОГРН:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unpaid services:</source>
        <translation>&amp;Неоплаченные услуги:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+18"/>
        <location line="+18"/>
        <source>A&amp;ctive</source>
        <translation>Д&amp;ействует</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+27"/>
        <source>&amp;Organization:</source>
        <translation>&amp;Организация:</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+8"/>
        <location line="+19"/>
        <location line="+7"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>&amp;Наименование:</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Part of:</source>
        <translation>&amp;Входит в:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;umber:</source>
        <translation>Н&amp;омер:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>&amp;Department:</source>
        <translation>&amp;Подразделение:</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>&amp;Floor:</source>
        <translation>&amp;Этаж:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Equipment:</source>
        <translation>О&amp;борудование:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Position:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Specialty:</source>
        <translation>&amp;Специальность:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hired on:</source>
        <translation>Дата п&amp;риёма:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dis&amp;missed on:</source>
        <translation>Дата &amp;увольнения:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Form number:</source>
        <translation>Номер &amp;формы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Order in lists:</source>
        <translation>&amp;Порядок в списках:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Medical specialty</source>
        <translation>&amp;Медицинская специальность</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Medical position</source>
        <translation>&amp;Медицинская должность</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Registrar No.:</source>
        <translation>&amp;Заводской № ККТ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>factory number; empty: any registrar</source>
        <translation>заводской номер; пусто — любая ККТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;KPO:</source>
        <translation>О&amp;КПО:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 or 10 digits; empty: not printed</source>
        <translation>8 или 10 цифр; пусто — не печатается</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>refused until paid or covered</source>
        <extracomment>How the organization&apos;s rule for services neither paid nor covered reads (context RecordDialog).</extracomment>
        <translation>не выполняются, пока не оплачены или не покрыты плательщиком</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>performed after a warning to the doctor</source>
        <translation>выполняются после предупреждения врача</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set</source>
        <extracomment>Defaults of a new record (those the values classes do not give).</extracomment>
        <translation>указана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— none —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{what}: editing</source>
        <translation>{what}: изменение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what}: new</source>
        <translation>{what}: добавление</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../workstations/doctor/record_editor.py" line="+54"/>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save draft (Ctrl+S)</source>
        <translation>Сохранить черновик (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book repeat visit… (Ctrl+B)</source>
        <translation>Записать на повторный приём… (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a correction</source>
        <translation>Создать исправление</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign (Ctrl+Enter)</source>
        <translation>Подписать (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <source>Diagnoses (%n)</source>
        <translation>
            <numerusform>Диагнозы (%n)</numerusform>
            <numerusform>Диагнозы (%n)</numerusform>
            <numerusform>Диагнозы (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Appointments (%n)</source>
        <translation>
            <numerusform>Назначения (%n)</numerusform>
            <numerusform>Назначения (%n)</numerusform>
            <numerusform>Назначения (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Prescriptions (%n)</source>
        <translation>
            <numerusform>Лекарства (%n)</numerusform>
            <numerusform>Лекарства (%n)</numerusform>
            <numerusform>Лекарства (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version {no}, signed {when}</source>
        <translation>Версия {no}, подписана {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft, version {no}</source>
        <translation>Черновик, версия {no}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not saved</source>
        <translation>не сохранено</translation>
    </message>
</context>
<context>
    <name>RecordTemplates</name>
    <message>
        <location filename="../../shared/services/record_templates.py" line="+40"/>
        <source>mmHg</source>
        <translation>мм рт. ст.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/min</source>
        <translation>/мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cm</source>
        <translation>см</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mm</source>
        <translation>мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mmol/l</source>
        <translation>ммоль/л</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>нед.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ml</source>
        <translation>мл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>points</source>
        <translation>баллов</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+268"/>
        <location line="+91"/>
        <source>satisfactory</source>
        <translation>удовлетворительное</translation>
    </message>
    <message>
        <location line="-358"/>
        <location line="+105"/>
        <source>moderate</source>
        <translation>средней тяжести</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>severe</source>
        <translation>тяжёлое</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+318"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="-317"/>
        <source>mild</source>
        <translation>слабо выражен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pronounced</source>
        <translation>выражен</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>Blood pressure, systolic</source>
        <translation>АД систолическое</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Blood pressure, diastolic</source>
        <translation>АД диастолическое</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <location line="+266"/>
        <source>Pulse</source>
        <translation>Пульс</translation>
    </message>
    <message>
        <location line="-278"/>
        <location line="+13"/>
        <location line="+264"/>
        <source>Body temperature</source>
        <translation>Температура тела</translation>
    </message>
    <message>
        <location line="-276"/>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+277"/>
        <source>Respiratory rate</source>
        <translation>ЧДД</translation>
    </message>
    <message>
        <location line="-276"/>
        <location line="+169"/>
        <location line="+30"/>
        <location line="+15"/>
        <location line="+57"/>
        <source>Weight</source>
        <translation>Масса тела</translation>
    </message>
    <message>
        <location line="-270"/>
        <location line="+199"/>
        <location line="+72"/>
        <source>Height</source>
        <translation>Рост</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>General condition</source>
        <translation>Общее состояние</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ill since</source>
        <translation>Болен (больна) с</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anamnesis</source>
        <translation>Анамнез</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examination</source>
        <translation>Объективный статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclusion</source>
        <translation>Заключение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>General practitioner&apos;s visit</source>
        <translation>Приём терапевта</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drug allergy</source>
        <translation>Лекарственная аллергия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergy to</source>
        <translation>Аллергия на</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+219"/>
        <source>Skin and mucous membranes</source>
        <translation>Кожные покровы и слизистые</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Lymph nodes</source>
        <translation>Лимфатические узлы</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <location line="+127"/>
        <source>Pharynx</source>
        <translation>Зев</translation>
    </message>
    <message>
        <location line="-218"/>
        <location line="+23"/>
        <location line="+196"/>
        <source>Lungs</source>
        <translation>Лёгкие</translation>
    </message>
    <message>
        <location line="-218"/>
        <location line="+219"/>
        <source>Heart</source>
        <translation>Сердце</translation>
    </message>
    <message>
        <location line="-218"/>
        <location line="+153"/>
        <location line="+66"/>
        <source>Abdomen</source>
        <translation>Живот</translation>
    </message>
    <message>
        <location line="-218"/>
        <location line="+153"/>
        <source>Liver</source>
        <translation>Печень</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Stool and urination</source>
        <translation>Стул и мочеиспускание</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Edema</source>
        <translation>Отёки</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+60"/>
        <source>Sick leave issued</source>
        <translation>Выдан листок нетрудоспособности</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+25"/>
        <location line="+35"/>
        <location line="+262"/>
        <source>Next visit</source>
        <translation>Повторная явка</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>Cardiologist&apos;s visit</source>
        <translation>Приём кардиолога</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Risk factors (smoking, heredity, lipids)</source>
        <translation>Факторы риска (курение, наследственность, липиды)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+121"/>
        <source>Current therapy</source>
        <translation>Текущая терапия</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+297"/>
        <source>Heart rhythm</source>
        <translation>Ритм сердца</translation>
    </message>
    <message>
        <location line="-296"/>
        <source>regular</source>
        <translation>правильный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>irregular</source>
        <translation>неправильный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart sounds</source>
        <translation>Тоны сердца</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Murmurs</source>
        <translation>Шумы</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+286"/>
        <source>ECG</source>
        <translation>ЭКГ</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>Heart failure class (NYHA)</source>
        <translation>ФК сердечной недостаточности (NYHA)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cardiovascular risk</source>
        <translation>Сердечно-сосудистый риск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>низкий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>high</source>
        <translation>высокий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>very high</source>
        <translation>очень высокий</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neurologist&apos;s visit</source>
        <translation>Приём невролога</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consciousness</source>
        <translation>Сознание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clear</source>
        <translation>ясное</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stunned</source>
        <translation>оглушение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sopor</source>
        <translation>сопор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>coma</source>
        <translation>кома</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cranial nerves</source>
        <translation>Черепные нервы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meningeal signs</source>
        <translation>Менингеальные знаки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motor sphere, muscle strength</source>
        <translation>Двигательная сфера, мышечная сила</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tendon reflexes</source>
        <translation>Сухожильные рефлексы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensation</source>
        <translation>Чувствительность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordination, Romberg test</source>
        <translation>Координация, проба Ромберга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spine, paravertebral points</source>
        <translation>Позвоночник, паравертебральные точки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain (visual analogue scale)</source>
        <translation>Боль (ВАШ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Surgeon&apos;s / traumatologist&apos;s visit</source>
        <translation>Приём хирурга / травматолога</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Injury: when, where, how</source>
        <translation>Травма: когда, где, при каких обстоятельствах</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local status</source>
        <translation>Локальный статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wound / dressing</source>
        <translation>Рана / повязка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range of motion</source>
        <translation>Объём движений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distal pulse and sensation</source>
        <translation>Периферическая пульсация и чувствительность</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+235"/>
        <source>X-ray</source>
        <translation>Рентгенография</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Manipulation performed</source>
        <translation>Выполненная манипуляция</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ophthalmologist&apos;s visit</source>
        <translation>Приём офтальмолога</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visual acuity OD</source>
        <translation>Острота зрения OD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visual acuity OS</source>
        <translation>Острота зрения OS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With correction OD</source>
        <translation>С коррекцией OD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With correction OS</source>
        <translation>С коррекцией OS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intraocular pressure OD</source>
        <translation>ВГД OD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intraocular pressure OS</source>
        <translation>ВГД OS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anterior segment</source>
        <translation>Передний отрезок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lens</source>
        <translation>Хрусталик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fundus</source>
        <translation>Глазное дно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glasses prescription</source>
        <translation>Рецепт на очки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ENT doctor&apos;s visit</source>
        <translation>Приём оториноларинголога</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nose, nasal breathing</source>
        <translation>Нос, носовое дыхание</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tonsils</source>
        <translation>Миндалины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larynx</source>
        <translation>Гортань</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right ear (AD)</source>
        <translation>Правое ухо (AD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left ear (AS)</source>
        <translation>Левое ухо (AS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hearing (whispered speech)</source>
        <translation>Слух (шёпотная речь)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Obstetrician-gynecologist&apos;s visit</source>
        <translation>Приём акушера-гинеколога</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First day of last menstrual period</source>
        <translation>Первый день последней менструации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menstrual cycle</source>
        <translation>Менструальный цикл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pregnancies</source>
        <translation>Беременностей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Births</source>
        <translation>Родов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contraception</source>
        <translation>Контрацепция</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gestational age</source>
        <translation>Срок беременности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mammary glands</source>
        <translation>Молочные железы</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>External genitalia</source>
        <translation>Наружные половые органы</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>In speculum</source>
        <translation>В зеркалах</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bimanual examination</source>
        <translation>Бимануальное исследование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discharge</source>
        <translation>Выделения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smear taken</source>
        <translation>Взят мазок</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urologist&apos;s visit</source>
        <translation>Приём уролога</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kidney area, Pasternatsky sign</source>
        <translation>Область почек, симптом Пастернацкого</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bladder</source>
        <translation>Мочевой пузырь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prostate (per rectum)</source>
        <translation>Предстательная железа (per rectum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urination</source>
        <translation>Мочеиспускание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPSS score</source>
        <translation>Баллы IPSS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PSA</source>
        <translation>ПСА</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ng/ml</source>
        <translation>нг/мл</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Endocrinologist&apos;s visit</source>
        <translation>Приём эндокринолога</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diabetes since / type</source>
        <translation>Диабет: тип, с какого времени</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waist circumference</source>
        <translation>Окружность талии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood glucose</source>
        <translation>Глюкоза крови</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HbA1c</source>
        <translation>HbA1c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thyroid gland</source>
        <translation>Щитовидная железа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feet (diabetic foot check)</source>
        <translation>Стопы (осмотр на диабетическую стопу)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Diet</source>
        <translation>Диета</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Gastroenterologist&apos;s visit</source>
        <translation>Приём гастроэнтеролога</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tongue</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spleen</source>
        <translation>Селезёнка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stool</source>
        <translation>Стул</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endoscopy (FGDS / colonoscopy)</source>
        <translation>Эндоскопия (ФГДС / колоноскопия)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Helicobacter pylori</source>
        <translation>Helicobacter pylori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not tested</source>
        <translation>не исследовался</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>negative</source>
        <translation>отрицательный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>positive</source>
        <translation>положительный</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dermatovenereologist&apos;s visit</source>
        <translation>Приём дерматовенеролога</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Localization of the rash</source>
        <translation>Локализация высыпаний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary elements</source>
        <translation>Первичные элементы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secondary elements</source>
        <translation>Вторичные элементы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Itching</source>
        <translation>Зуд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dermographism</source>
        <translation>Дермографизм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nails and hair</source>
        <translation>Ногти и волосы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dermatoscopy</source>
        <translation>Дерматоскопия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scraping for fungi taken</source>
        <translation>Взят соскоб на грибы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dentist&apos;s visit</source>
        <translation>Приём стоматолога</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dental formula</source>
        <translation>Зубная формула</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bite</source>
        <translation>Прикус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orthognathic</source>
        <translation>ортогнатический</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>straight</source>
        <translation>прямой</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deep</source>
        <translation>глубокий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>открытый</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross</source>
        <translation>перекрёстный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>distal</source>
        <translation>дистальный</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mesial</source>
        <translation>мезиальный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral hygiene</source>
        <translation>Гигиена полости рта</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>good</source>
        <translation>хорошее</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>poor</source>
        <translation>плохое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oral mucosa</source>
        <translation>Слизистая полости рта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodontium</source>
        <translation>Пародонт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tooth treated</source>
        <translation>Леченый зуб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment performed</source>
        <translation>Проведённое лечение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anesthesia</source>
        <translation>Анестезия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filling material</source>
        <translation>Пломбировочный материал</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pediatrician&apos;s visit</source>
        <translation>Приём педиатра</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feeding</source>
        <translation>Вскармливание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breast</source>
        <translation>грудное</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mixed</source>
        <translation>смешанное</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>formula</source>
        <translation>искусственное</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>common table</source>
        <translation>общий стол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccinations</source>
        <translation>Прививки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Head circumference</source>
        <translation>Окружность головы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Large fontanelle</source>
        <translation>Большой родничок</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Psychomotor development</source>
        <translation>Психомоторное развитие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health group</source>
        <translation>Группа здоровья</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nursing procedure</source>
        <translation>Сестринская процедура</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procedure</source>
        <translation>Процедура</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site</source>
        <translation>Место введения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drug</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>Доза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>Путь введения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intramuscular</source>
        <translation>внутримышечно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intravenous</source>
        <translation>внутривенно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intravenous drip</source>
        <translation>внутривенно капельно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subcutaneous</source>
        <translation>подкожно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intradermal</source>
        <translation>внутрикожно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oral</source>
        <translation>внутрь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>topical</source>
        <translation>местно</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <location line="+56"/>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Batch and expiry</source>
        <translation>Серия и срок годности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reaction</source>
        <translation>Реакция</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local</source>
        <translation>местная</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>general</source>
        <translation>общая</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaints before the procedure</source>
        <translation>Жалобы перед процедурой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescription</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure notes</source>
        <translation>Ход процедуры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result and condition after the procedure</source>
        <translation>Результат и состояние после процедуры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructions to the patient</source>
        <translation>Указания пациенту</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Laboratory result</source>
        <translation>Результат лабораторного исследования</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample taken on</source>
        <translation>Дата взятия материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>venous blood</source>
        <translation>венозная кровь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>capillary blood</source>
        <translation>капиллярная кровь</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urine</source>
        <translation>моча</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stool</source>
        <translation>кал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smear</source>
        <translation>мазок</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analyzer / method</source>
        <translation>Анализатор / метод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results (analyte, value, unit)</source>
        <translation>Результаты (показатель, значение, единица)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference ranges</source>
        <translation>Референсные значения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values outside the reference range</source>
        <translation>Есть значения вне референсного интервала</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Referral: reason and diagnosis</source>
        <translation>Направление: цель и диагноз</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Sampling and preparation</source>
        <translation>Взятие материала и подготовка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on the sample</source>
        <translation>Замечания о пробе</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Method / device</source>
        <translation>Метод / аппарат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study quality</source>
        <translation>Качество исследования</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>limited</source>
        <translation>ограниченное</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pathology found</source>
        <translation>Выявлена патология</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparation and previous studies</source>
        <translation>Подготовка и предыдущие исследования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ultrasound examination</source>
        <translation>Ультразвуковое исследование</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Region examined</source>
        <translation>Область исследования</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Dimensions</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echogenicity and structure</source>
        <translation>Эхогенность и структура</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X-ray / CT / MRI study</source>
        <translation>Рентгенологическое исследование / КТ / МРТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality</source>
        <translation>Вид исследования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fluorography</source>
        <translation>флюорография</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mammography</source>
        <translation>маммография</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CT</source>
        <translation>КТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRI</source>
        <translation>МРТ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projections / sequences</source>
        <translation>Проекции / последовательности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective dose</source>
        <translation>Эффективная доза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mSv</source>
        <translation>мЗв</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast enhancement</source>
        <translation>Контрастное усиление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Functional diagnostics</source>
        <translation>Функциональная диагностика</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Study</source>
        <translation>Исследование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holter monitoring</source>
        <translation>холтеровское мониторирование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ambulatory BP monitoring</source>
        <translation>СМАД</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spirometry</source>
        <translation>спирометрия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EEG</source>
        <translation>ЭЭГ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>echocardiography</source>
        <translation>эхокардиография</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sinus</source>
        <translation>синусовый</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>atrial fibrillation</source>
        <translation>фибрилляция предсердий</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heart rate</source>
        <translation>ЧСС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electrical axis</source>
        <translation>Электрическая ось сердца</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervals (PQ, QRS, QT)</source>
        <translation>Интервалы (PQ, QRS, QT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FEV1, % of predicted</source>
        <translation>ОФВ1, % от должного</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ejection fraction</source>
        <translation>Фракция выброса</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Doctor&apos;s visit</source>
        <translation>Приём врача</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free-text record</source>
        <translation>Запись в свободной форме</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>ReferenceBrowser</name>
    <message>
        <location filename="../../workstations/administrator/record_dialog.py" line="-145"/>
        <location filename="../../workstations/administrator/window.py" line="-324"/>
        <source>outpatient</source>
        <extracomment>What the operation bus announces when reference data changes; this window reloads on it.</extracomment>
        <translation>амбулаторное</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/administrator/window.py" line="+1"/>
        <source>inpatient</source>
        <translation>стационарное</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/administrator/window.py" line="+1"/>
        <source>paraclinical</source>
        <translation>параклиническое</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/administrator/window.py" line="+1"/>
        <source>admission</source>
        <translation>приёмное</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/administrator/window.py" line="+1"/>
        <source>administrative</source>
        <translation>административное</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../workstations/administrator/window.py" line="+1"/>
        <source>registry</source>
        <translation>регистратура</translation>
    </message>
    <message>
        <location filename="../../workstations/administrator/window.py" line="+10"/>
        <source>Short name</source>
        <translation>Краткое название</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Full name</source>
        <translation>Полное название</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+9"/>
        <location line="+15"/>
        <location line="+70"/>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+8"/>
        <location line="+18"/>
        <location line="+60"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of</source>
        <translation>Входит в</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+9"/>
        <location line="+77"/>
        <source>Organization</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Department</source>
        <translation>Отделение</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty</source>
        <translation>Специальность</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hired</source>
        <translation>Принят</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed</source>
        <translation>Уволен</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+60"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Organizations</source>
        <extracomment>(attribute of ReferenceData, tab title source text, columns)</extracomment>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>Отделения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offices</source>
        <translation>Кабинеты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical card types</source>
        <translation>Виды медицинских карт</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+4"/>
        <source>Medical</source>
        <translation>Медицинская</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registrar No.</source>
        <translation>Заводской № ККТ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OKPO</source>
        <translation>ОКПО</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Specialties</source>
        <extracomment>Lists read apart from `load_reference`: (attribute of ops.ExtraLists, tab title, columns).</extracomment>
        <translation>Специальности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions</source>
        <translation>Должности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash desks</source>
        <translation>Кассы</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location line="+65"/>
        <source>Loading reference data…</source>
        <extracomment>Lists whose records are deactivated rather than deleted when in use.</extracomment>
        <translation>Загрузка справочников…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deactivate the selected record? It stays in the history and in documents, but is no longer offered for new work.</source>
        <translation>Сделать выбранную запись неактивной? Она останется в истории и документах, но больше не будет предлагаться для новой работы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Reference data</source>
        <translation>Справочники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected record for good? Records in use cannot be deleted; deactivate them instead.</source>
        <translation>Удалить выбранную запись окончательно? Используемые записи удалить нельзя — сделайте их неактивными.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a record to this list (Ctrl+N)</source>
        <translation>Добавить запись в этот справочник (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected record (Enter)</source>
        <translation>Изменить выбранную запись (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lists could not be loaded: {error}</source>
        <translation>Не удалось загрузить справочники: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or a double click edits the selected record.</source>
        <translation>Enter или двойной щелчок — изменить выбранную запись.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Activate</source>
        <translation>&amp;Сделать активной</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;activate</source>
        <translation>&amp;Сделать неактивной</translation>
    </message>
</context>
<context>
    <name>ReferenceTable</name>
    <message>
        <location line="-207"/>
        <source>Filter…</source>
        <translation>Фильтр…</translation>
    </message>
</context>
<context>
    <name>RefundPage</name>
    <message>
        <location filename="../../workstations/cashier/refund_page.py" line="+313"/>
        <source>Check the lines to refund (Space).</source>
        <translation>Отметьте строки для возврата (Пробел).</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+48"/>
        <source>{sum} goes back to the card</source>
        <translation>{sum} возвращается на карту</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+50"/>
        <source>{sum} is given in cash from the drawer</source>
        <translation>{sum} выдаётся наличными из кассы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund {sum} to {name}?

{parts}.</source>
        <translation>Оформить возврат {sum}: {name}?

{parts}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+50"/>
        <source>Returning {sum} to the card on the terminal…</source>
        <translation>Возврат {sum} на карту через терминал…</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+50"/>
        <source>Printing the return receipt…</source>
        <translation>Печать чека возврата…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sale and its services</source>
        <translation>Чек и его услуги</translation>
    </message>
    <message>
        <location line="-267"/>
        <location line="+267"/>
        <source>Paid</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <location line="-266"/>
        <location line="+266"/>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>{time} · receipt FD {document}</source>
        <translation>{time} · чек, ФД {document}</translation>
    </message>
    <message>
        <location line="-355"/>
        <location line="+363"/>
        <source>cash {sum}</source>
        <translation>наличные {sum}</translation>
    </message>
    <message>
        <location line="-361"/>
        <location line="+363"/>
        <source>card {sum}</source>
        <translation>карта {sum}</translation>
    </message>
    <message>
        <location line="-358"/>
        <source>Advance taken</source>
        <translation>Аванс принят</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Can be given back</source>
        <translation>Можно вернуть</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>The client has no deposit to give back.</source>
        <translation>У клиента нет аванса, который можно вернуть.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Return {sum} of the deposit to {name}?

{parts}.</source>
        <translation>Вернуть аванс {sum}: {name}?

{parts}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return the deposit</source>
        <translation>Возврат аванса</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{sum} goes back to the client&apos;s deposit</source>
        <translation>{sum} возвращается в аванс клиента</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>↑↓ move · Space checks a line · F9 refund · Ctrl+R return the deposit · Ctrl+F find a client</source>
        <translation>↑↓ — перемещение · Пробел — отметить строку · F9 — возврат · Ctrl+R — вернуть аванс · Ctrl+F — найти пациента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return the deposit… (Ctrl+R)</source>
        <translation>Вернуть аванс… (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>from the deposit {sum}</source>
        <translation>зачёт аванса {sum}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>order {number}</source>
        <translation>заказ {number}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Deposit: {sum}</source>
        <translation>Аванс: {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advances that can be given back</source>
        <translation>Авансы, которые можно вернуть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find the client whose money goes back.</source>
        <translation>Найдите пациента, которому возвращаются деньги.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client without a card</source>
        <translation>Клиент без карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to refund: no paid service waits to be performed.</source>
        <translation>Возвращать нечего: нет оплаченных и ещё не оказанных услуг.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund (F9)</source>
        <translation>Возврат (F9)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing checked</source>
        <translation>Ничего не отмечено</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To refund {sum}: to the card {card}, to the deposit {deposit}, in cash {cash}</source>
        <translation>К возврату {sum}: на карту {card}, в аванс {deposit}, наличными {cash}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To refund {sum}: to the card {card}, in cash {cash}</source>
        <translation>К возврату {sum}: на карту {card}, наличными {cash}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refunded {sum}: to the card {card}, to the deposit {deposit}, in cash {cash}. Return receipt: fiscal document {document}.</source>
        <translation>Возвращено {sum}: на карту {card}, в аванс {deposit}, наличными {cash}. Чек возврата: фискальный документ {document}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refunded {sum}: to the card {card}, in cash {cash}. Return receipt: fiscal document {document}.</source>
        <translation>Возвращено {sum}: на карту {card}, наличными {cash}. Чек возврата: фискальный документ {document}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deposit returned: {sum} (to the card {card}, in cash {cash}). Return receipt: fiscal document {document}.</source>
        <translation>Аванс возвращён: {sum} (на карту {card}, наличными {cash}). Чек возврата: фискальный документ {document}.</translation>
    </message>
</context>
<context>
    <name>RegisterClient</name>
    <message>
        <location filename="../../workstations/registrar/register_dialog.py" line="+48"/>
        <source>New client</source>
        <extracomment>True when the registrar chose an existing client from the duplicates.</extracomment>
        <translation>Новый пациент</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Open this one</source>
        <translation>&amp;Открыть этого</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is a &amp;different person — register</source>
        <translation>Это &amp;другой человек — зарегистрировать</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Register</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RegisterFormatEditor</name>
    <message>
        <location filename="../../workstations/contracts/payers_page.py" line="-443"/>
        <location line="+33"/>
        <location line="+25"/>
        <location line="+3"/>
        <source>Tab</source>
        <extracomment>Payers whose registers are exported (a private person pays at the cash desk or by invoice).</extracomment>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Register export</source>
        <translation>Выгрузка реестра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format</source>
        <translation>&amp;Формат</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delimiter</source>
        <translation>&amp;Разделитель</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register &amp;element</source>
        <translation>&amp;Элемент реестра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line element</source>
        <translation>Элемент &amp;строки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colu&amp;mns</source>
        <translation>&amp;Колонки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;ncoding</source>
        <translation>Ко&amp;дировка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First line with the column &amp;names</source>
        <translation>Первая строка — &amp;названия колонок</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All, standard order</source>
        <translation>Все, стандартный порядок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked columns go into the register in this order. Ask the payer for the format its program reads.</source>
        <translation>Отмеченные колонки выгружаются в реестр в этом порядке. Уточните у плательщика, какой формат читает его программа.</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../workstations/contracts/registers_page.py" line="-380"/>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported</source>
        <translation>выгружен</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mapped</source>
        <translation>сопоставлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rule</source>
        <translation>без правила</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>конфликт правил</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded</source>
        <translation>исключено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All lines (those needing attention first)</source>
        <extracomment>The line filter: (key, states asked for, label).</extracomment>
        <translation>Все строки (сначала требующие внимания)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needing attention</source>
        <translation>Требующие внимания</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>No rule</source>
        <translation>Без правила</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+70"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+67"/>
        <source>Mapped</source>
        <translation>Сопоставлено</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+69"/>
        <source>Excluded</source>
        <translation>Исключено</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>clinic&apos;s amount</source>
        <translation>сумма клиники</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>male</source>
        <extracomment>At most this many lines are shown at once (a busy month is 100,000 lines); the filter narrows them.</extracomment>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OMS</source>
        <translation>ОМС</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DMS</source>
        <translation>ДМС</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>draft, built {when}</source>
        <translation>черновик, сформирован {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+51"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Built {when} by {who}</source>
        <translation>Сформирован {when}, {who}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked {when} by {who}</source>
        <translation>Закрыт {when}, {who}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {when}</source>
        <translation>Выгружен {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>Payer&apos;s code</source>
        <translation>Код плательщика</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+82"/>
        <source>Payer&apos;s service</source>
        <translation>Услуга плательщика</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performed</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy</source>
        <translation>Полис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No mapping rule gives this service a code of the payer: correct it by hand or add a rule and rebuild.</source>
        <translation>Ни одно правило сопоставления не даёт этой услуге код плательщика: исправьте строку вручную или добавьте правило и переформируйте реестр.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules of equal priority give different codes: {codes}. Correct it by hand or fix the rules and rebuild.</source>
        <translation>Правила с одинаковым приоритетом дают разные коды: {codes}. Исправьте строку вручную или исправьте правила и переформируйте реестр.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excluded: {note}</source>
        <translation>Исключена: {note}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrected by hand by {who}</source>
        <translation>Исправлена вручную: {who}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>group {name}</source>
        <translation>группа {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>aged {low}–{high}</source>
        <translation>возраст {low}–{high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind} policy</source>
        <translation>полис {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>result “{code}”</source>
        <translation>результат «{code}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any service (catch-all)</source>
        <translation>любая услуга (общее правило)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>When</source>
        <translation>Условия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payer&apos;s price</source>
        <translation>Цена плательщика</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>One rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contradicts</source>
        <translation>Противоречит</translation>
    </message>
    <message>
        <location line="+577"/>
        <source>Building the register…</source>
        <translation>Формирование реестра…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register is mapped again with the current rules; lines corrected or excluded by hand are kept.</source>
        <translation>Реестр заново сопоставлен по текущим правилам; строки, исправленные или исключённые вручную, сохранены.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rebuilding the register…</source>
        <translation>Переформирование реестра…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register is locked: it can be exported now.</source>
        <translation>Реестр закрыт: теперь его можно выгрузить.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registers</source>
        <translation>Реестры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the draft register {number}? Its services become free for another register.</source>
        <translation>Удалить черновик реестра {number}? Его услуги можно будет включить в другой реестр.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The draft register is discarded.</source>
        <translation>Черновик реестра удалён.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export the register</source>
        <translation>Выгрузка реестра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register files (*.{extension});;All files (*)</source>
        <translation>Файлы реестров (*.{extension});;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting the register…</source>
        <translation>Выгрузка реестра…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+235"/>
        <source>The line is corrected.</source>
        <translation>Строка исправлена.</translation>
    </message>
    <message>
        <location line="-231"/>
        <location line="+230"/>
        <source>The line is excluded from the register.</source>
        <translation>Строка исключена из реестра.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Mapping rules</source>
        <translation>Правила сопоставления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the rule giving {code} ({when})? Registers already built keep their lines.</source>
        <translation>Удалить правило, дающее код {code} ({when})? В уже сформированных реестрах строки сохранятся.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The rule is deleted.</source>
        <translation>Правило удалено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payer registers</source>
        <translation>Реестры для плательщиков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A register lists the services performed in a month under an agreement, in the payer&apos;s own codes. Build it, correct or exclude the lines no rule maps, lock it and export it to a file.</source>
        <translation>Реестр содержит услуги, выполненные за месяц по договору, в кодах плательщика. Сформируйте реестр, исправьте или исключите строки, не сопоставленные ни одним правилом, закройте его и выгрузите в файл.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Registers</source>
        <translation>&amp;Реестры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapp&amp;ing rules</source>
        <translation>П&amp;равила сопоставления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agreement</source>
        <translation>&amp;Договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mo&amp;nth</source>
        <translation>&amp;Месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Build</source>
        <translation>&amp;Сформировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refres&amp;h</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reb&amp;uild</source>
        <translation>П&amp;ереформировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map the draft again with the current rules and add services performed since; hand corrections are kept</source>
        <translation>Заново сопоставить черновик по текущим правилам и добавить услуги, выполненные с тех пор; ручные исправления сохраняются</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the register for export (every line mapped or excluded)</source>
        <translation>Зафиксировать реестр для выгрузки (все строки сопоставлены или исключены)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Выгрузить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard dra&amp;ft</source>
        <translation>Удалить &amp;черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Correct…</source>
        <translation>&amp;Исправить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclu&amp;de…</source>
        <translation>Искл&amp;ючить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red: no rule maps the service; amber: rules contradict each other. Enter or a double click corrects a line.</source>
        <translation>Красный — услуга не сопоставлена ни одним правилом; жёлтый — правила противоречат друг другу. Enter или двойной щелчок — исправить строку.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Payer</source>
        <translation>&amp;Плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add rule…</source>
        <translation>&amp;Добавить правило…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;elete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contradicting rules</source>
        <translation>Противоречащие правила</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines of {number}: {open} need attention</source>
        <translation>Строки реестра {number}: требуют внимания — {open}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines of {number}</source>
        <translation>Строки реестра {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the first {count} shown: choose what to show)</source>
        <translation>(показаны первые {count}: выберите, что показать)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The draft register is built: check the lines needing attention, then lock it.</source>
        <translation>Черновик реестра сформирован: проверьте строки, требующие внимания, затем закройте реестр.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The register is exported to {path} ({size} bytes).</source>
        <translation>Реестр выгружен в файл {path} ({size} байт).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The rule is saved. Rebuild draft registers of this payer to apply it.</source>
        <translation>Правило сохранено. Чтобы применить его, переформируйте черновики реестров этого плательщика.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>These pairs of rules of one priority can both match a service but give different codes or prices: such services become conflicts in a register. Give one rule a lower priority number, narrow its conditions or make them agree. Enter on a pair shows its first rule.</source>
        <translation>Эти пары правил с одинаковым приоритетом могут обе подойти к услуге, но дают разные коды или цены: такие услуги попадут в реестр как конфликт правил. Задайте одному из правил меньший номер приоритета, сузьте его условия или согласуйте правила. Enter на паре показывает её первое правило.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rules of this payer contradict each other.</source>
        <translation>Правила этого плательщика не противоречат друг другу.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Register file: {format}, {encoding}</source>
        <translation>Файл реестра: {format}, {encoding}</translation>
    </message>
</context>
<context>
    <name>RegistrarSearch</name>
    <message>
        <location filename="../../workstations/registrar/search_page.py" line="+40"/>
        <source>card number</source>
        <translation>номер карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNILS</source>
        <translation>СНИЛС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OMS policy</source>
        <translation>полис ОМС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name</source>
        <translation>похожее ФИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same person?</source>
        <translation>тот же человек?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical cards</source>
        <translation>Медицинские карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found by</source>
        <translation>Найден по</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Surname and initials, birth date, phone, SNILS, policy or card number</source>
        <extracomment>The text whose results are on screen (None before the first search finished).</extracomment>
        <translation>Фамилия и инициалы, дата рождения, телефон, СНИЛС, полис или номер карты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Examples: «иванова м п», «петров 12.03.1985», «916 555-01-02», «А-2026/00041»</source>
        <translation>Например: «иванова м п», «петров 12.03.1985», «916 555-01-02», «А-2026/00041»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↓ to the list · Enter opens · Esc back to the box · F2 new client · F5 refresh</source>
        <translation>↓ к списку · Enter — открыть · Esc — к строке поиска · F2 — новый пациент · F5 — обновить</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+84"/>
        <source>Nothing found — press F2 to register a new client</source>
        <translation>Никого не найдено — нажмите F2, чтобы зарегистрировать нового пациента</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Found: {count}</source>
        <translation>Найдено: {count}</translation>
    </message>
</context>
<context>
    <name>RegistrarWindow</name>
    <message>
        <location filename="../../workstations/registrar/window.py" line="+87"/>
        <location line="+183"/>
        <source>The changes to this client are not saved. Leave without saving?</source>
        <translation>Изменения не сохранены. Уйти без сохранения?</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Reload the client and drop the changes not saved?</source>
        <translation>Загрузить данные заново и отбросить несохранённые изменения?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Find client (Ctrl+F)</source>
        <translation>Найти пациента (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New client (F2)</source>
        <translation>Новый пациент (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh (F5)</source>
        <translation>Обновить (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book appointment (F3)</source>
        <translation>Записать на приём (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting list</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of day: cards not returned</source>
        <translation>Конец дня: невозвращённые карты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order without a card…</source>
        <translation>Заказ без карты…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sick leave…</source>
        <translation>Листки нетрудоспособности…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Registry</source>
        <translation>Регистратура</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../workstations/reports/window.py" line="+44"/>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sick-leave rules</source>
        <translation>Правила листков нетрудоспособности</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../workstations/administrator/user_dialogs.py" line="+20"/>
        <source>New password for {login}</source>
        <translation>Новый пароль для {login}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the user the new password in person; it is not stored anywhere.</source>
        <translation>Сообщите новый пароль пользователю лично: он нигде не сохраняется.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>П&amp;овтор пароля:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set password</source>
        <translation>Задать пароль</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../workstations/cashier/pay_panel.py" line="+63"/>
        <source>Card slip… (Ctrl+P)</source>
        <translation>Слип терминала… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next client (Esc)</source>
        <translation>Следующий клиент (Esc)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deposit taken: {sum}</source>
        <translation>Аванс принят: {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid {sum}</source>
        <translation>Оплачено {sum}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cash {sum}</source>
        <translation>наличными {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>card {sum}</source>
        <translation>картой {sum}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from the deposit {sum}</source>
        <translation>зачёт аванса {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt No. {receipt} · fiscal document {document}</source>
        <translation>Чек № {receipt} · фискальный документ {document}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card RRN {rrn}</source>
        <translation>РРН {rrn}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payment had already been made; nothing was charged again.</source>
        <translation>Эта оплата уже была проведена; повторно ничего не списано.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CHANGE TO GIVE</source>
        <translation>СДАЧА</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No change</source>
        <translation>Без сдачи</translation>
    </message>
</context>
<context>
    <name>ReturnDepositDialog</name>
    <message>
        <location filename="../../workstations/cashier/deposit_dialog.py" line="+236"/>
        <source>Return the deposit</source>
        <translation>Возврат аванса</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cash {sum}</source>
        <translation>наличные {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>card {sum}</source>
        <translation>карта {sum}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advance of {time}: {sum} ({paid})</source>
        <translation>Аванс от {time}: {sum} ({paid})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Return (Enter)</source>
        <translation>Вернуть (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Can be given back</source>
        <translation>Можно вернуть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To give back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes back</source>
        <translation>Возвращается</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>to the card {sum}</source>
        <translation>на карту {sum}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in cash {sum}</source>
        <translation>наличными {sum}</translation>
    </message>
</context>
<context>
    <name>RightsEditor</name>
    <message>
        <location filename="../../workstations/administrator/user_dialogs.py" line="-209"/>
        <source>— not linked —</source>
        <translation>— не привязан —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jobs</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Works by default in:</source>
        <translation>&amp;Основная организация:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Medical cards the staff member may open</source>
        <translation>Медицинские карты, доступные сотруднику</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link the user to a staff member to grant card access.</source>
        <translation>Чтобы дать доступ к картам, привяжите пользователя к сотруднику.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Staff member:</source>
        <translation>&amp;Сотрудник:</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../workstations/contracts/registers_page.py" line="-736"/>
        <source>Mapping rule</source>
        <translation>Правило сопоставления</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New mapping rule</source>
        <translation>Новое правило сопоставления</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A performed service becomes the payer&apos;s service given here when every condition set holds. Of the rules that match, those with the lowest priority number decide.</source>
        <translation>Выполненная услуга становится указанной здесь услугой плательщика, если выполнены все заданные условия. Из подходящих правил применяются те, у которых номер приоритета меньше.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Priority</source>
        <translation>&amp;Приоритет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clinic&apos;s ser&amp;vice</source>
        <translation>&amp;Услуга клиники</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service &amp;group</source>
        <translation>&amp;Группа услуг</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Se&amp;x</source>
        <translation>П&amp;ол</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ag&amp;e from</source>
        <translation>&amp;Возраст от</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Polic&amp;y</source>
        <translation>Пол&amp;ис</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Result</source>
        <translation>&amp;Результат</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payer&apos;s &amp;code</source>
        <translation>&amp;Код плательщика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payer&apos;s &amp;name</source>
        <translation>&amp;Наименование у плательщика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payer&apos;s pr&amp;ice</source>
        <translation>&amp;Цена плательщика</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any service</source>
        <translation>любая услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any group</source>
        <translation>любая группа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>either</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any or none</source>
        <translation>любой или без полиса</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OMS</source>
        <translation>ОМС</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DMS</source>
        <translation>ДМС</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t&amp;o</source>
        <translation>&amp;до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only with the result code</source>
        <translation>только с кодом результата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty = none</source>
        <translation>пусто — без кода</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clinic&apos;s amount</source>
        <translation>сумма клиники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="-935"/>
        <source>Staff member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+425"/>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <location line="-424"/>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weekly</source>
        <translation>По дням недели</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift cycle</source>
        <translation>Сменный график</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Even / odd dates</source>
        <translation>Чётные / нечётные дни</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vacation</source>
        <translation>Отпуск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sick leave</source>
        <translation>Больничный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day off</source>
        <translation>Выходной</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed day (other hours)</source>
        <translation>Изменённый день (другие часы)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Перерыв</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+10"/>
        <source>Day {n}</source>
        <translation>День {n}</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Even dates</source>
        <translation>Чётные дни</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Odd dates</source>
        <translation>Нечётные дни</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{work} (break {breaks})</source>
        <translation>{work} (перерыв {breaks})</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Shift cycle of {n} days</source>
        <translation>Сменный график, цикл {n} дн.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>from {first}</source>
        <translation>с {first}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position / kind</source>
        <translation>Должность / вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Exception</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+281"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+281"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Minutes</source>
        <translation>Норма, мин</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Booked with</source>
        <translation>Записан к</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Was</source>
        <translation>Было</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With</source>
        <translation>К кому</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not moved</source>
        <translation>не перенесена</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+153"/>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work / break</source>
        <translation>Работа / перерыв</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a range</source>
        <translation>Добавить интервал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the day on the next day</source>
        <translation>Повторить на следующий день</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the range</source>
        <translation>Удалить интервал</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+1006"/>
        <source>Delete the template “{name}”? Generated working time stays until the schedule is generated again.</source>
        <translation>Удалить шаблон «{name}»? Сформированное рабочее время сохранится до следующего формирования расписания.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template is deleted. Generate the schedule to apply it.</source>
        <translation>Шаблон удалён. Сформируйте расписание, чтобы изменения вступили в силу.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete the exception “{kind}” of {first} – {last}? The template&apos;s hours come back on these days.</source>
        <translation>Удалить исключение «{kind}» за {first} – {last}? В эти дни снова будут действовать часы по шаблону.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The minutes are saved.</source>
        <translation>Норма времени сохранена.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop booking “{service}” with {name}? Bookings already made stay.</source>
        <translation>Прекратить запись на «{service}» ({name})? Уже сделанные записи сохранятся.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The limit of patients per day is saved.</source>
        <translation>Ограничение числа пациентов в день сохранено.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The channel shares are saved.</source>
        <translation>Доли каналов записи сохранены.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add equipment</source>
        <translation>Добавление оборудования</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the equipment:</source>
        <translation>Название оборудования:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Added to the list: {count}.</source>
        <translation>Добавлено в список: {count}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name, position, department…</source>
        <translation>ФИО, должность, подразделение…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;equipment…</source>
        <translation>Добавить &amp;оборудование…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add new staff and offices</source>
        <translation>Добавить новых сотрудников и кабинеты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Makes every medical staff member and office of the organization bookable.</source>
        <translation>Делает доступными для записи всех медицинских сотрудников и все кабинеты организации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate the schedule…</source>
        <translation>Сформировать &amp;расписание…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Templates</source>
        <translation>&amp;Шаблоны</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E&amp;xceptions</source>
        <translation>&amp;Исключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services and &amp;load rates</source>
        <translation>&amp;Услуги и нормы времени</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Channel shares</source>
        <translation>&amp;Доли каналов записи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New template…</source>
        <translation>&amp;Новый шаблон…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hange…</source>
        <translation>Из&amp;менить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>Уд&amp;алить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Templates say when the resource works; generating lays them onto the production calendar. Double-click a template to change it.</source>
        <translation>Шаблоны задают, когда ресурс работает; при формировании расписания они накладываются на производственный календарь. Чтобы изменить шаблон, дважды щёлкните его.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add an exception…</source>
        <translation>Добавить ис&amp;ключение…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the exception…</source>
        <translation>Удалить исключение…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vacations, sick leaves, training and changed days override the templates on their days. Exceptions of the last month and the future are shown.</source>
        <translation>Отпуска, больничные, обучение и изменённые дни заменяют шаблоны в свои даты. Показаны исключения за последний месяц и будущие.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a &amp;service…</source>
        <translation>Доб&amp;авить услугу…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the &amp;minutes</source>
        <translation>Изменить &amp;норму времени</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove the service…</source>
        <translation>У&amp;брать услугу…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The services booked with this resource and the minutes each takes it (the load rate). Double-click the minutes to change them.</source>
        <translation>Услуги, на которые записывают к этому ресурсу, и сколько минут занимает каждая (норма времени). Чтобы изменить норму, дважды щёлкните её.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients per day at most:</source>
        <translation>Максимум пациентов в день:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the l&amp;imit</source>
        <translation>Сохранить о&amp;граничение</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>O&amp;wn shares for this resource</source>
        <translation>Собственные доли для &amp;этого ресурса</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Part of each day can be reserved for a booking channel; the rest is common to all. Reserved time opens to everyone shortly before the day (the organization&apos;s release time).</source>
        <translation>Часть каждого дня можно зарезервировать за каналом записи; остальное время общее для всех каналов. Зарезервированное время открывается для всех незадолго до дня приёма (в срок, заданный для организации).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the &amp;organization default</source>
        <translation>Использовать доли, &amp;заданные для организации</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the &amp;shares</source>
        <translation>Сохранить до&amp;ли</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The template is saved. Generate the schedule to lay it onto the calendar.</source>
        <translation>Шаблон сохранён. Сформируйте расписание, чтобы наложить его на календарь.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+79"/>
        <source>Schedules</source>
        <translation>Расписания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a doctor, office or piece of equipment on the left.</source>
        <translation>Выберите врача, кабинет или оборудование в списке слева.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at most {count} patients a day</source>
        <translation>пациентов в день: не более {count}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reserved: {total} %; common to all channels: {common} %.</source>
        <translation>Зарезервировано: {total} %; общее для всех каналов: {common} %.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bookings now outside working time: {count}.</source>
        <translation>Записей вне рабочего времени: {count}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The exception is deleted; the days are generated again.</source>
        <translation>Исключение удалено; расписание на эти дни сформировано заново.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exception is added; no bookings are affected.</source>
        <translation>Исключение добавлено; записи пациентов не затронуты.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The equipment is added. Give it services and a schedule.</source>
        <translation>Оборудование добавлено. Назначьте ему услуги и расписание.</translation>
    </message>
</context>
<context>
    <name>Scheduling</name>
    <message>
        <location filename="../../medcenter_desktop/scheduling_texts.py" line="+15"/>
        <source>Registry</source>
        <translation>Регистратура</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctor&apos;s repeat visits</source>
        <translation>Повторный приём (запись врачом)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call centre</source>
        <translation>Колл-центр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compulsory insurance (OMS)</source>
        <translation>ОМС</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>booked</source>
        <translation>записан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>подтверждён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arrived</source>
        <translation>пришёл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the doctor</source>
        <translation>на приёме</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>принят</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not come</source>
        <translation>не явился</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../workstations/contracts/catalogue_page.py" line="+134"/>
        <location line="+2"/>
        <location line="+62"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Name</source>
        <translation>&amp;Наименование</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Group</source>
        <translation>&amp;Группа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Department</source>
        <translation>По&amp;дразделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uration, min</source>
        <translation>Д&amp;лительность, мин</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Who may have it</source>
        <translation>Пол и во&amp;зраст</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pro&amp;vided</source>
        <translation>Период &amp;оказания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preparation</source>
        <translation>Подго&amp;товка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Indications</source>
        <translation>&amp;Показания</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contraindicati&amp;ons</source>
        <translation>Противопоказани&amp;я</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;VAT</source>
        <translation>НД&amp;С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aged from</source>
        <translation>возраст от</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until</source>
        <translation>по</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service is &amp;provided (shown to the registry)</source>
        <translation>Услуга ок&amp;азывается (видна регистратуре)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: B01.047.001</source>
        <translation>Например: B01.047.001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the patient and the payer see it</source>
        <translation>Как её видят пациент и плательщик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the patient does before coming</source>
        <translation>Что пациенту нужно сделать перед визитом</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <location filename="../../workstations/doctor/services_tab.py" line="+77"/>
        <source>No services of this patient on the day.</source>
        <extracomment>The dialog open (tests fill and accept it).</extracomment>
        <translation>У этого пациента нет услуг на этот день.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Perform the steps of the complex service, then close it.</source>
        <translation>Выполните этапы комплексной услуги, затем закройте её.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This service is already performed or skipped.</source>
        <translation>Эта услуга уже выполнена или пропущена.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Skip the step</source>
        <translation>Пропуск этапа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is the step skipped?</source>
        <translation>Почему этап пропускается?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Performed… (Ctrl+P)</source>
        <translation>Выполнено… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip optional step…</source>
        <translation>Пропустить необязательный этап…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close complex service</source>
        <translation>Закрыть комплексную услугу</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unpaid service</source>
        <translation>Неоплаченная услуга</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../workstations/cashier/shift_panel.py" line="+170"/>
        <source>Asking the registrar…</source>
        <translation>Запрос к ККТ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening the shift…</source>
        <translation>Открытие смены…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift {number} is open.</source>
        <translation>Смена {number} открыта.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printing the X-report…</source>
        <translation>Печать X-отчёта…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The X-report is printed.</source>
        <translation>X-отчёт напечатан.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the shift with a Z-report? After it no payment can be taken until a new shift is opened.</source>
        <translation>Закрыть смену Z-отчётом? После этого оплату нельзя будет принять, пока не откроется новая смена.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The drawer holds {sum} in cash: take it out first (Shift+F8) if the day&apos;s takings go to the safe.</source>
        <translation>В денежном ящике {sum} наличными: если выручка сдаётся, сначала оформите выплату (Shift+F8).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z-report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing the Z-report and closing the shift…</source>
        <translation>Печать Z-отчёта и закрытие смены…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shift is closed (Z-report, fiscal document {document}).</source>
        <translation>Смена закрыта (Z-отчёт, фискальный документ {document}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How much cash goes into the drawer (change fund)?</source>
        <translation>Какую сумму вносите в кассу (размен)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How much cash is taken out of the drawer?</source>
        <translation>Какую сумму выплачиваете из кассы?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It holds {sum}.</source>
        <translation>В кассе {sum}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash in on the registrar…</source>
        <translation>Внесение на ККТ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in: {sum}.</source>
        <translation>Внесено: {sum}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash out on the registrar…</source>
        <translation>Выплата на ККТ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash out: {sum}.</source>
        <translation>Выплачено: {sum}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bank settlement is done.</source>
        <translation>Сверка итогов выполнена.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The terminal did not close the bank day: {reason}</source>
        <translation>Терминал не закрыл банковский день: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bank settlement on the terminal…</source>
        <translation>Сверка итогов на терминале…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The registrar does not answer</source>
        <translation>ККТ не отвечает</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shift {number} is open</source>
        <translation>Смена {number} открыта</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shift is over 24 hours: close it with a Z-report (F12).</source>
        <translation>Смена открыта больше 24 часов: закройте её Z-отчётом (F12).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shift is closed</source>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No. {serial}</source>
        <translation>№ {serial}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>out of paper</source>
        <translation>нет бумаги</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cover open</source>
        <translation>открыта крышка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a new paper roll into the registrar.</source>
        <translation>Вставьте в ККТ новый рулон бумаги.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the registrar&apos;s cover.</source>
        <translation>Закройте крышку ККТ.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fiscal drive: {warning}</source>
        <translation>Фискальный накопитель: {warning}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure</source>
        <translation>неисправность</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Operations wait for your decision: {count}.</source>
        <translation>Операций ждут вашего решения: {count}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read from the registrar at {time}</source>
        <translation>Данные ККТ на {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened at</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registrar</source>
        <translation>ККТ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper, cover</source>
        <translation>Бумага, крышка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in the drawer</source>
        <translation>Наличные в кассе</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sales of the shift</source>
        <translation>Продажи за смену</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  in cash</source>
        <translation>  наличными</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>  by card</source>
        <translation>  безналичными</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts</source>
        <translation>Чеков</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open shift (F6)</source>
        <translation>Открыть смену (F6)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X-report (F7)</source>
        <translation>X-отчёт (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash in (F8)</source>
        <translation>Внесение (F8)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cash out (Shift+F8)</source>
        <translation>Выплата (Shift+F8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank settlement (F11)</source>
        <translation>Сверка итогов (F11)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Z-report (F12)</source>
        <translation>Z-отчёт (F12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the state (F5)</source>
        <translation>Обновить состояние (F5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closes the shift; asks first</source>
        <translation>Закрывает смену; сначала спрашивает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes the bank day on the card terminal</source>
        <translation>Закрывает банковский день на терминале эквайринга</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The cash desk is not connected</source>
        <translation>Касса не подключена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the registrar…</source>
        <translation>Чтение состояния ККТ…</translation>
    </message>
</context>
<context>
    <name>SickLeave</name>
    <message>
        <location filename="../../medcenter_desktop/sick_leave_editor.py" line="+86"/>
        <source>Draft</source>
        <extracomment>Announced on the operation bus after a change of certificates or blanks. Jobs that write new certificates (the database agrees: sql/0013_sick_leave.sql).</extracomment>
        <translation>Черновик</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1328"/>
        <source>Issued</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <location line="-1327"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spoiled</source>
        <translation>Испорчен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by a duplicate</source>
        <translation>Заменён дубликатом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, duplicate</source>
        <translation>, дубликат</translation>
    </message>
    <message>
        <location line="+735"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The certificate keeps every rule and fits the blank.</source>
        <translation>Листок нетрудоспособности соответствует всем правилам и умещается на бланке.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The period is added.</source>
        <translation>Период добавлен.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The release is extended.</source>
        <translation>Освобождение от работы продлено.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last period is removed.</source>
        <translation>Последний период удалён.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Issued on blank {number}.</source>
        <translation>Выдан на бланке {number}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The certificate is closed.</source>
        <translation>Листок нетрудоспособности закрыт.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A continuation is drafted: add its period and issue it.</source>
        <translation>Создан черновик продолжения: добавьте период и выдайте его.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The blank is spoiled; the certificate is refilled on blank {number}.</source>
        <translation>Бланк испорчен; листок нетрудоспособности заполнен заново на бланке {number}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The duplicate is issued on blank {number}.</source>
        <translation>Дубликат выдан на бланке {number}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draft is cancelled.</source>
        <translation>Черновик отменён.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <location line="+445"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Periods</source>
        <translation>Периоды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Patient</source>
        <translation>Пациент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
</context>
<context>
    <name>SickLeaveEditor</name>
    <message>
        <location line="-877"/>
        <source>Certificate of incapacity for work</source>
        <extracomment>Emitted with the id of the certificate shown after every change stored.</extracomment>
        <translation>Листок нетрудоспособности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Certificate</source>
        <translation>&amp;Листок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pe&amp;riods of release</source>
        <translation>&amp;Периоды освобождения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital, re&amp;gime, board</source>
        <translation>&amp;Стационар, режим, МСЭ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clo&amp;sing</source>
        <translation>&amp;Закрытие</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ca&amp;use of incapacity:</source>
        <translation>При&amp;чина нетрудоспособности:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hanged code:</source>
        <translation>Код &amp;изменения:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Employer:</source>
        <translation>&amp;Место работы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Job:</source>
        <translation>Долж&amp;ность:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Main job certificate No.:</source>
        <translation>№ листка по осно&amp;вному месту работы:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered in early pregnancy (up to 12 weeks)</source>
        <translation>Поставлена на учёт в ранние сроки беременности (до 12 недель)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main job</source>
        <translation>Основное место работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part-time job</source>
        <translation>По совместительству</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care for family members</source>
        <translation>Уход за членами семьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years</source>
        <translation>Лет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Months</source>
        <translation>Месяцев</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commission chair</source>
        <translation>Председатель ВК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;Начало:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To:</source>
        <translation>&amp;Окончание:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&amp;octor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commission c&amp;hair:</source>
        <translation>Председатель В&amp;К:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add period</source>
        <translation>&amp;Добавить период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtend to the date</source>
        <translation>Продл&amp;ить до даты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve last period</source>
        <translation>&amp;Удалить последний период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In hospital from:</source>
        <translation>В стационаре с:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In hospital to:</source>
        <translation>В стационаре по:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regime &amp;violation code:</source>
        <translation>Код &amp;нарушения режима:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Violation date:</source>
        <translation>Дата нарушения:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred to the disability board:</source>
        <translation>Направлен в бюро МСЭ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered by the board:</source>
        <translation>Документы зарегистрированы в бюро МСЭ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examined by the board:</source>
        <translation>Освидетельствован в бюро МСЭ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disability group:</source>
        <translation>Группа инвалидности:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Other code:</source>
        <translation>Ин&amp;ое (код):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other code&apos;s date:</source>
        <translation>Дата по коду «иное»:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose the certificate</source>
        <translation>Закр&amp;ыть листок</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the day the patient returns to work, or an «other» code (31 continues on another certificate, 32 disability established, 34 died, ...). To continue the case on a new blank use Continue.</source>
        <translation>Укажите день, с которого пациент приступает к работе, или код «иное» (31 — продолжает болеть, листок продолжается на другом бланке; 32 — установлена инвалидность; 34 — умер, ...). Чтобы продолжить случай на новом бланке, используйте «Продолжить».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previe&amp;w:</source>
        <translation>Просмот&amp;р:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the blank</source>
        <translation>На бланке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On plain paper (for checking)</source>
        <translation>На обычной бумаге (для проверки)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print on the blank (Ctrl+P)</source>
        <translation>Печать на бланке (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print on plain paper (Ctrl+Shift+P)</source>
        <translation>Печать на обычной бумаге (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pr&amp;inter calibration…</source>
        <translation>&amp;Калибровка принтера…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This workstation&apos;s printer profiles: offsets and scales measured on the calibration page</source>
        <translation>Профили принтеров этого рабочего места: смещения и масштабы, измеренные по калибровочной странице</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save draft (Ctrl+S)</source>
        <translation>Сохранить черновик (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check (F9)</source>
        <translation>Проверить (F9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Blank No.:</source>
        <translation>№ &amp;бланка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue (Ctrl+I)</source>
        <translation>Выдать (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;poil…</source>
        <translation>Испор&amp;тить…</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Medical &amp;organization:</source>
        <translation>Медицинская ор&amp;ганизация:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Its &amp;address:</source>
        <translation>Её адр&amp;ес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additiona&amp;l code:</source>
        <translation>&amp;Доп. код:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continues certi&amp;ficate No.:</source>
        <translation>Пр&amp;одолжение листка №:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Return to wor&amp;k from:</source>
        <translation>Пр&amp;иступить к работе с:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Conti&amp;nue…</source>
        <translation>Продол&amp;жить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Duplicate…</source>
        <translation>Дублик&amp;ат…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel draft…</source>
        <translation>Отменить черновик…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload (F5)</source>
        <translation>Обновить (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close window</source>
        <translation>Закрыть окно</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Spoil the blank</source>
        <translation>Бланк испорчен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the blank spoiled? The certificate is refilled on a new blank.</source>
        <translation>Почему бланк испорчен? Листок нетрудоспособности будет заполнен заново на новом бланке.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Issue a duplicate</source>
        <translation>Выдача дубликата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A duplicate replaces a lost or damaged certificate. Blank number (empty: the next one you hold):</source>
        <translation>Дубликат выдаётся взамен утерянного или испорченного листка нетрудоспособности. Номер бланка (пусто — следующий из ваших бланков):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancel the draft</source>
        <translation>Отмена черновика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is the draft cancelled?</source>
        <translation>Почему черновик отменяется?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Certificate {number}</source>
        <translation>Листок нетрудоспособности {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on the blank</source>
        <translation>Печать на бланке</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print on plain paper</source>
        <translation>Печать на обычной бумаге</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+23"/>
        <source>The certificate breaks the rules:</source>
        <translation>Листок нетрудоспособности нарушает правила:</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>The certificate cannot be printed:</source>
        <translation>Листок нетрудоспособности нельзя напечатать:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The blank cannot take these values:</source>
        <translation>Эти значения не помещаются на бланке:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Blank: {problem}</source>
        <translation>Бланк: {problem}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>New certificate: not stored yet.</source>
        <translation>Новый листок нетрудоспособности: ещё не сохранён.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;, born {birth}, {sex}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;, дата рождения {birth}, пол {sex}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OGRN {ogrn}</source>
        <translation>ОГРН {ogrn}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The medical organization&apos;s name and address are filled in when the draft is stored.</source>
        <translation>Наименование и адрес медицинской организации заполняются при сохранении черновика.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your next blank: {number}.</source>
        <translation>Ваш следующий бланк: {number}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You hold no blanks: type the blank&apos;s number or ask the head of registry.</source>
        <translation>У вас нет бланков: введите номер бланка или обратитесь к заведующему регистратурой.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continues {number}.</source>
        <translation>Продолжение листка {number}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continued by {number}.</source>
        <translation>Продолжен листком {number}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spoiled: {reason}.</source>
        <translation>Испорчен: {reason}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>on the blank</source>
        <translation>на бланке</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on plain paper</source>
        <translation>на обычной бумаге</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {count} time(s); last {when} {where} by {who}.</source>
        <translation>Напечатан {count} раз(а); последний раз — {when} {where}, {who}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not printed yet.</source>
        <translation>Ещё не печатался.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New certificate of incapacity for work</source>
        <translation>Новый листок нетрудоспособности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no number yet)</source>
        <translation>(номера пока нет)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate {number} — {status}</source>
        <translation>Листок нетрудоспособности {number} — {status}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Day {days} of the case: beyond {limit} days the chair of the medical commission must sign the period.</source>
        <translation>{days}-й день случая: после {limit} дн. период должен подписать председатель врачебной комиссии.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day {days} of the case.</source>
        <translation>{days}-й день случая.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The form is drawn once the certificate is stored.</source>
        <translation>Форма отображается после сохранения листка нетрудоспособности.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not printable yet: {problems}</source>
        <translation>Пока нельзя напечатать: {problems}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No PDF renderer (pypdfium2) is installed: the preview is not drawn.</source>
        <translation>Не установлена программа отрисовки PDF (pypdfium2): предварительный просмотр не отображается.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printer profile: {model}. Printed at 100 %.</source>
        <translation>Профиль принтера: {model}. Печать в масштабе 100 %.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number is shown as zeros until the certificate is issued.</source>
        <translation>До выдачи листка нетрудоспособности номер отображается нулями.</translation>
    </message>
</context>
<context>
    <name>SickLeaveJournalDialog</name>
    <message>
        <location line="+278"/>
        <source>Sick-leave certificates</source>
        <translation>Листки нетрудоспособности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued &amp;since:</source>
        <translation>Выданы &amp;с:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number or name:</source>
        <translation>&amp;Номер или ФИО:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open certificate</source>
        <translation>&amp;Открыть листок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{shown} of {total} certificates.</source>
        <translation>Показано листков: {shown} из {total}.</translation>
    </message>
</context>
<context>
    <name>SickLeaveList</name>
    <message>
        <location line="-229"/>
        <source>&amp;Open certificate</source>
        <translation>&amp;Открыть листок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New certificate…</source>
        <translation>&amp;Новый листок…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No certificates.</source>
        <translation>Листков нетрудоспособности нет.</translation>
    </message>
</context>
<context>
    <name>SickLeaveListDialog</name>
    <message>
        <location line="+44"/>
        <source>Sick leave: {name}</source>
        <translation>Листки нетрудоспособности: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sick leave</source>
        <translation>Листки нетрудоспособности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates of incapacity for work of the client. Open one to print it, to spoil its blank (it is refilled on a new blank) or to issue a duplicate.</source>
        <translation>Листки нетрудоспособности клиента. Откройте листок, чтобы напечатать его, признать испорченным его бланк (листок будет заполнен заново на новом бланке) или выдать дубликат.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../workstations/cashier/pay_panel.py" line="+17"/>
        <source>Card slip</source>
        <translation>Слип терминала</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print… (Ctrl+P)</source>
        <translation>Печать… (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
</context>
<context>
    <name>SlotChooserDialog</name>
    <message>
        <location filename="../../workstations/registrar/slot_dialog.py" line="+70"/>
        <source>Book: {service}</source>
        <extracomment>What the booking made (set when the dialog accepts).</extracomment>
        <translation>Запись: {service}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{service} for {client}</source>
        <translation>{service} — {client}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any doctor</source>
        <translation>Любой врач</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Find (Enter)</source>
        <translation>Найти (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First free (F4)</source>
        <translation>Первое свободное (F4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Doctor</source>
        <translation>&amp;Врач</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fro&amp;m</source>
        <translation>&amp;Начиная с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Da&amp;ys</source>
        <translation>&amp;Дней</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Book (Enter)</source>
        <translation>Записать (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Choose a free time in the grid first.</source>
        <translation>Сначала выберите свободное время в сетке.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No free time for this service in the next three months.</source>
        <translation>На эту услугу нет свободного времени в ближайшие три месяца.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{day} · {free} free</source>
        <translation>{day} · свободно: {free}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No free time on these days. Press F4 for the first free time.</source>
        <translation>На эти дни нет свободного времени. Нажмите F4, чтобы найти первое свободное время.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This time has just been taken by someone else, and there is no free time near it.</source>
        <translation>Это время только что занял кто-то другой, а рядом с ним свободного времени нет.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a free time: arrows or a click, then Enter.</source>
        <translation>Выберите свободное время стрелками или щелчком, затем нажмите Enter.</translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message numerus="yes">
        <location filename="../../workstations/doctor/slot_dialog.py" line="-20"/>
        <source>%n day(s)</source>
        <extracomment>What the booking returned (set when the dialog accepts).</extracomment>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First free (F4)</source>
        <translation>Первое свободное (F4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From</source>
        <translation>&amp;С</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Book (Enter)</source>
        <translation>Записать (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No free time for this service in the next three months.</source>
        <translation>На эту услугу нет свободного времени в ближайшие три месяца.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Free times: %n</source>
        <translation>
            <numerusform>Свободных окон: %n</numerusform>
            <numerusform>Свободных окон: %n</numerusform>
            <numerusform>Свободных окон: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No free time on these days. Press F4 for the first free time.</source>
        <translation>На эти дни нет свободного времени. Нажмите F4, чтобы найти первое свободное время.</translation>
    </message>
</context>
<context>
    <name>SpecificationEditor</name>
    <message>
        <location filename="../../workstations/contracts/catalogue_page.py" line="+143"/>
        <source>Choose the service to add as a step.</source>
        <extracomment>Who a step may need: (specialty_id, resource_id, name) choices besides &quot;whoever performs it&quot;.</extracomment>
        <translation>Выберите услугу, которую нужно добавить как этап.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This service is already a step.</source>
        <translation>Эта услуга уже входит в этапы.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The steps of the complex service in the order they are performed. A step may need a specialty or one office or device; an optional step may be left out for a patient; the minutes replace the step&apos;s own duration when set.</source>
        <translation>Этапы комплексной услуги в порядке выполнения. Этапу может требоваться специальность врача или определённый кабинет либо аппарат; необязательный этап можно не выполнять для пациента; минуты, если указаны, заменяют длительность самой услуги этапа.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>Необязательный</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Performed by</source>
        <translation>Кто выполняет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a s&amp;tep:</source>
        <translation>Добавить &amp;этап:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a code or name…</source>
        <translation>Введите часть кода или наименования…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Переместить &amp;вверх</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Переместить в&amp;низ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove the step</source>
        <translation>&amp;Удалить этап</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the specification</source>
        <translation>&amp;Сохранить спецификацию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>optional</source>
        <translation>необязательный</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>as the service</source>
        <translation>как у услуги</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>whoever performs the service</source>
        <translation>любой, кто оказывает услугу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>specialty: {name}</source>
        <translation>специальность: {name}</translation>
    </message>
</context>
<context>
    <name>TakeDepositDialog</name>
    <message>
        <location filename="../../workstations/cashier/deposit_dialog.py" line="-271"/>
        <source>Take a deposit</source>
        <translation>Приём аванса</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The client&apos;s deposit now: {sum}</source>
        <extracomment>the key of an attempt whose outcome is unknown, with what it was for: the same again reuses it</extracomment>
        <translation>Аванс клиента сейчас: {sum}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sum of the advance</source>
        <translation>сумма аванса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>what the client handed over</source>
        <translation>сколько дал клиент</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>phone or e-mail (optional)</source>
        <translation>телефон или e-mail (необязательно)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take the deposit (Enter)</source>
        <translation>Принять аванс (Enter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deposit</source>
        <translation>Аванс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid by</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic receipt to</source>
        <translation>Электронный чек на</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>short by {sum}</source>
        <translation>не хватает {sum}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../workstations/head_of_registry/schedule_page.py" line="-1171"/>
        <source>Schedule template</source>
        <translation>Шаблон расписания</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New schedule template</source>
        <translation>Новый шаблон расписания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid &amp;from</source>
        <translation>Действует &amp;с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For example: Five-day week, mornings</source>
        <translation>Например: пятидневка, утро</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>days in the cycle</source>
        <translation>дн. в цикле</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid &amp;to</source>
        <translation>&amp;по</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rest on public holidays and weekdays made days off (production calendar)</source>
        <translation>Не &amp;работать в праздничные дни и перенесённые выходные (производственный календарь)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Shorten pre-holiday days by an hour</source>
        <translation>Со&amp;кращать предпраздничные дни на час</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working hours</source>
        <translation>Часы работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>One row per range: the day of the week, from, to (HH:MM; 24:00 is the end of the day). A break lies inside a working range.</source>
        <translation>Одна строка — один интервал: день недели, с, по (ЧЧ:ММ; 24:00 — конец суток). Перерыв должен находиться внутри интервала работы.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day 1 is the “valid from” date; the cycle repeats from there. A night shift is two ranges: until 24:00 and from 00:00 on the next day of the cycle.</source>
        <translation>День 1 — это дата «Действует с», от неё цикл повторяется. Ночная смена — это два интервала: до 24:00 и с 00:00 следующего дня цикла.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ranges of even dates (2nd, 4th, …) and of odd dates (1st, 3rd, …).</source>
        <translation>Интервалы для чётных чисел месяца (2, 4, …) и для нечётных (1, 3, …).</translation>
    </message>
</context>
<context>
    <name>UnfinishedCard</name>
    <message>
        <location filename="../../workstations/cashier/reconcile_dialog.py" line="-149"/>
        <source>{kind} of {time} · {sum}</source>
        <translation>{kind} от {time} · {sum}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client: {name}</source>
        <translation>Пациент: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In cash {cash} · by card {card}</source>
        <translation>Наличными {cash} · картой {card}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card was charged (the terminal confirmed it).</source>
        <translation>Деньги с карты списаны (терминал подтвердил).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The terminal has not confirmed the card payment.</source>
        <translation>Терминал не подтвердил оплату картой.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation was cut short.</source>
        <translation>Операция была прервана.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>RRN from the terminal&apos;s slip (to print the receipt)</source>
        <translation>РРН со слипа терминала (чтобы напечатать чек)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The money was taken:
print the receipt</source>
        <translation>Деньги приняты:
напечатать чек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The money was given back:
print the return receipt</source>
        <translation>Деньги выданы:
напечатать чек возврата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No money was taken:
undo the payment</source>
        <translation>Деньги не приняты:
отменить оплату</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No money was given back:
undo the refund</source>
        <translation>Деньги не выданы:
отменить возврат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registrar did it</source>
        <translation>ККТ выполнила операцию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registrar did not do it</source>
        <translation>ККТ не выполнила операцию</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prints the receipt for the money the client paid</source>
        <translation>Печатает чек на деньги, которые заплатил клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gives card money back if any was taken; the lines become unpaid again</source>
        <translation>Возвращает деньги на карту, если они были списаны; строки снова становятся неоплаченными</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Look at the registrar&apos;s last printed document</source>
        <translation>Посмотрите последний напечатанный документ ККТ</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../workstations/administrator/users_page.py" line="+38"/>
        <source>Locked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organizations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>The password of {login} was changed.</source>
        <translation>Пароль пользователя {login} изменён.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lock {login}? They will not be able to log in, and their open sessions end.</source>
        <translation>Заблокировать {login}? Пользователь не сможет войти, а открытые сеансы будут завершены.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock {login}? They will be able to log in again.</source>
        <translation>Разблокировать {login}? Пользователь снова сможет входить в систему.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User management</source>
        <translation>Управление пользователями</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter by name, job, organization…</source>
        <translation>Фильтр по имени, роли, организации…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New user…</source>
        <translation>&amp;Новый пользователь…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a login for a staff member (Ctrl+N)</source>
        <translation>Создать учётную запись для сотрудника (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rights…</source>
        <translation>&amp;Права…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs, organizations, staff link and card access (Enter)</source>
        <translation>Роли, организации, привязка к сотруднику и доступ к картам (Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;password…</source>
        <translation>Сбросить &amp;пароль…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is your own account. Your jobs, organizations, card access, staff link and lock can only be changed by another administrator.</source>
        <translation>Это ваша собственная учётная запись. Ваши роли, организации, доступ к картам, привязку к сотруднику и блокировку может изменить только другой администратор.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The users could not be loaded: {error}</source>
        <translation>Не удалось загрузить пользователей: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Users: {count}, locked: {locked}.</source>
        <translation>Пользователей: {count}, заблокировано: {locked}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own account can only be locked by another administrator</source>
        <translation>Вашу учётную запись может заблокировать только другой администратор</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <location filename="../../workstations/head_of_registry/workload_page.py" line="+55"/>
        <source>no working time</source>
        <extracomment>(name, background, meaning) from the emptiest to the fullest.</extracomment>
        <translation>нет рабочего времени</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under 50 %</source>
        <translation>менее 50 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>50–85 %</source>
        <translation>50–85 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>86–100 %</source>
        <translation>86–100 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 100 % or booked without working time</source>
        <translation>более 100 % или запись без рабочего времени</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>week of {first} – {last}</source>
        <translation>неделя {first} – {last}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No working time and no bookings.</source>
        <translation>Нет ни рабочего времени, ни записей.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planned: {minutes} min</source>
        <translation>По плану: {minutes} мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Booked: {minutes} min</source>
        <translation>Записано: {minutes} мин</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: {minutes} min</source>
        <translation>Принято: {minutes} мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients: {count}</source>
        <translation>Пациентов: {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booked without working time: check the schedule.</source>
        <translation>Есть записи вне рабочего времени: проверьте расписание.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Doctor, office, equipment</source>
        <translation>Врач, кабинет, оборудование</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Booked of planned minutes</source>
        <translation>Записано минут из запланированных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked minutes as a percentage of the planned working time</source>
        <translation>Записанные минуты в процентах от запланированного рабочего времени</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>How full each day is: booked minutes of the planned working time (breaks excluded). Hover over a cell for minutes and patients.</source>
        <translation>Заполненность каждого дня: записанные минуты от запланированного рабочего времени (без перерывов). Наведите указатель на ячейку, чтобы увидеть минуты и число пациентов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ &amp;Previous week</source>
        <translation>◀ &amp;Предыдущая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next week ▶</source>
        <translation>С&amp;ледующая неделя ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;This week</source>
        <translation>&amp;Текущая неделя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Week of</source>
        <translation>&amp;Неделя с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show</source>
        <translation>По&amp;казывать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load, %</source>
        <translation>Нагрузка, %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked / planned, min</source>
        <translation>Записано / по плану, мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only with a schedule or bookings</source>
        <translation>Только с расписанием или записями</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colours:</source>
        <translation>Цвета:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+34"/>
        <source>Nobody has working time or bookings this week.</source>
        <translation>На этой неделе ни у кого нет рабочего времени и записей.</translation>
    </message>
</context>
<context>
    <name>WorkstationWindow</name>
    <message>
        <location filename="../../medcenter_desktop/workstation_window.py" line="+76"/>
        <source>{workstation} — MedCenter Desktop</source>
        <translation>{workstation} — MedCenter Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sick-leave &amp;printer calibration…</source>
        <translation>Калибровка &amp;принтера для листков нетрудоспособности…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About MedCenter Desktop</source>
        <translation>&amp;О программе MedCenter Desktop</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>no organization</source>
        <translation>организация не выбрана</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>organization No. {id}</source>
        <translation>организация № {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User: {name}</source>
        <translation>Пользователь: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization: {name}</source>
        <translation>Организация: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: {server}</source>
        <translation>Сервер: {server}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation: {name}</source>
        <translation>Компьютер: {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About MedCenter Desktop</source>
        <translation>О программе MedCenter Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;MedCenter Desktop {version}&lt;/h3&gt;&lt;p&gt;Workstations for an outpatient clinic and a 24-hour hospital.&lt;/p&gt;&lt;p&gt;This window: {workstation}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MedCenter Desktop {version}&lt;/h3&gt;&lt;p&gt;Рабочие места для поликлиники и круглосуточного стационара.&lt;/p&gt;&lt;p&gt;Это окно: {workstation}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Your jobs: {jobs}</source>
        <translation>Ваши должностные роли: {jobs}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The functions of this workstation are being introduced step by step and are not available in this version yet. You are connected and your access rights are checked by the database.</source>
        <translation>Функции этого рабочего места вводятся поэтапно и в этой версии пока недоступны. Подключение установлено, права доступа проверяет база данных.</translation>
    </message>
</context>
<context>
    <name>Workstations</name>
    <message>
        <location filename="../../workstations/administrator/__init__.py" line="+18"/>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organizations, departments, offices, staff and medical card types.</source>
        <translation>Организации, отделения, кабинеты, сотрудники и виды медицинских карт.</translation>
    </message>
    <message>
        <location filename="../../workstations/admission/__init__.py" line="+18"/>
        <source>Admission department</source>
        <translation>Приёмное отделение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital admissions, beds and discharges.</source>
        <translation>Госпитализация, коечный фонд и выписка.</translation>
    </message>
    <message>
        <location filename="../../workstations/call_centre/__init__.py" line="+18"/>
        <source>Call centre</source>
        <translation>Колл-центр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking appointments by phone, reminders and call-backs.</source>
        <translation>Запись на приём по телефону, напоминания и обратные звонки.</translation>
    </message>
    <message>
        <location filename="../../workstations/cashier/__init__.py" line="+18"/>
        <source>Cash desk</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment for services, receipts on the fiscal registrar, card payments and refunds.</source>
        <translation>Оплата услуг, чеки на фискальном регистраторе, оплата картой и возвраты.</translation>
    </message>
    <message>
        <location filename="../../workstations/contracts/__init__.py" line="+18"/>
        <source>Contracts</source>
        <translation>Договоры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contracts with companies and insurers, price lists and discounts.</source>
        <translation>Договоры с организациями и страховыми компаниями, прейскуранты и скидки.</translation>
    </message>
    <message>
        <location filename="../../workstations/doctor/__init__.py" line="+18"/>
        <source>Doctor</source>
        <translation>Врач</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s patients, medical records, prescriptions and sick-leave certificates.</source>
        <translation>Пациенты на сегодня, медицинские записи, назначения и листки нетрудоспособности.</translation>
    </message>
    <message>
        <location filename="../../workstations/head_of_registry/__init__.py" line="+18"/>
        <source>Head of registry</source>
        <translation>Заведующий регистратурой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doctors&apos; schedules, the registry&apos;s work and its reports.</source>
        <translation>Расписание врачей, работа регистратуры и её отчёты.</translation>
    </message>
    <message>
        <location filename="../../workstations/registrar/__init__.py" line="+18"/>
        <source>Registry</source>
        <translation>Регистратура</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients, medical cards, appointments with doctors and the schedule of the day.</source>
        <translation>Пациенты, медицинские карты, запись к врачам и расписание на день.</translation>
    </message>
    <message>
        <location filename="../../workstations/reports/__init__.py" line="+18"/>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics and reports on visits, services and revenue.</source>
        <translation>Статистика и отчёты о посещениях, услугах и выручке.</translation>
    </message>
</context>
</TS>
