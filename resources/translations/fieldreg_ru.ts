<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About fieldreg</source>
        <translation>О программе fieldreg</translation>
    </message>
    <message>
        <source>fieldreg: offline registration desk</source>
        <translation>fieldreg: пункт регистрации без сети</translation>
    </message>
    <message>
        <source>Version {version} (commit {commit}), Qt {qt}, Python {python}</source>
        <translation>Версия {version} (коммит {commit}), Qt {qt}, Python {python}</translation>
    </message>
    <message>
        <source>fieldreg is free software under the GNU General Public License, version 3 or later. It bundles the components below, each under its own licence; Qt and PySide6 are used under the GNU Lesser General Public License, version 3, and may be replaced by other builds of the same version.</source>
        <translation>fieldreg — свободная программа под лицензией GNU General Public License версии 3 или более поздней. В её состав входят перечисленные ниже компоненты, каждый под своей лицензией; Qt и PySide6 используются под лицензией GNU Lesser General Public License версии 3, и их можно заменить другими сборками той же версии.</translation>
    </message>
    <message>
        <source>&amp;Bundled components</source>
        <translation>&amp;Компоненты в составе</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Компоненты в составе программы и их лицензии</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>not stated in its metadata</source>
        <translation>не указана в его метаданных</translation>
    </message>
</context>
<context>
    <name>AlreadyRegistered</name>
    <message>
        <source>{who} is already registered as {id}: add her, or register a new person?</source>
        <translation>{who} уже зарегистрирована как {id}: добавить её или зарегистрировать нового человека?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: add him, or register a new person?</source>
        <translation>{who} уже зарегистрирован как {id}: добавить его или зарегистрировать нового человека?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: add this person, or register a new person?</source>
        <translation>{who}: этот человек уже зарегистрирован как {id}. Добавить его или зарегистрировать нового?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open her, or register a new person?</source>
        <translation>{who} уже зарегистрирована как {id}: открыть её или зарегистрировать нового человека?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open him, or register a new person?</source>
        <translation>{who} уже зарегистрирован как {id}: открыть его или зарегистрировать нового человека?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open this person, or register a new person?</source>
        <translation>{who}: этот человек уже зарегистрирован как {id}. Открыть его или зарегистрировать нового?</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Уже зарегистрированы?</translation>
    </message>
    <message>
        <source>&amp;Add the registered person</source>
        <translation>&amp;Добавить зарегистрированного</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Register a new person</source>
        <translation>&amp;Зарегистрировать нового человека</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить заполнение</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Open the enrollment request</source>
        <translation>Открыть запрос на подключение</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Save the answer for the laptop</source>
        <translation>Сохранить ответ для ноутбука</translation>
    </message>
    <message>
        <source>Choose the request file the laptop made, the ID prefix it is to use, and type the network passphrase.</source>
        <translation>Выберите файл запроса, созданный ноутбуком, префикс ID для него и наберите парольную фразу сети.</translation>
    </message>
    <message>
        <source>Approved: the laptop&apos;s new IDs start with {prefix}. Give it the answer below (as a file or text) and read out the network fingerprint: {fingerprint}</source>
        <translation>Одобрено: новые ID ноутбука начинаются с {prefix}. Передайте ему ответ ниже (файлом или текстом) и зачитайте отпечаток сети: {fingerprint}</translation>
    </message>
    <message>
        <source>Answer saved to {path}.</source>
        <translation>Ответ сохранён в {path}.</translation>
    </message>
    <message>
        <source>Approve an enrollment request</source>
        <translation>Одобрение запроса на подключение</translation>
    </message>
    <message>
        <source>&amp;Request file</source>
        <translation>&amp;Файл запроса</translation>
    </message>
    <message>
        <source>Request file</source>
        <translation>Файл запроса</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>ID &amp;prefix</source>
        <translation>&amp;Префикс ID</translation>
    </message>
    <message>
        <source>ID prefix</source>
        <translation>Префикс ID</translation>
    </message>
    <message>
        <source>2 to 4 letters or digits, e.g. K7</source>
        <translation>от 2 до 4 букв или цифр, напр. K7</translation>
    </message>
    <message>
        <source>Answer for the laptop</source>
        <translation>Ответ для ноутбука</translation>
    </message>
    <message>
        <source>Answer for the &amp;laptop</source>
        <translation>Ответ для &amp;ноутбука</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
</context>
<context>
    <name>BandsBox</name>
    <message>
        <source>Reprint the band?</source>
        <translation>Напечатать браслет повторно?</translation>
    </message>
    <message>
        <source>Printing a new band voids the band now worn: {bands}.</source>
        <translation>Новый браслет аннулирует тот, что сейчас на руке: {bands}.</translation>
    </message>
    <message>
        <source>Print a new band</source>
        <translation>Напечатать новый браслет</translation>
    </message>
    <message>
        <source>Print new bands for the whole household?</source>
        <translation>Напечатать новые браслеты для всего домохозяйства?</translation>
    </message>
    <message>
        <source>The band now worn becomes void for: {ids}.</source>
        <translation>Браслет, который сейчас на руке, станет недействительным для: {ids}.</translation>
    </message>
    <message>
        <source>Print new bands</source>
        <translation>Напечатать новые браслеты</translation>
    </message>
    <message>
        <source>Take the old band off and destroy it.</source>
        <translation>Снимите старый браслет и уничтожьте его.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>действителен</translation>
    </message>
    <message>
        <source>void</source>
        <translation>недействителен</translation>
    </message>
    <message>
        <source>No band printed yet.</source>
        <translation>Браслет ещё не печатали.</translation>
    </message>
    <message>
        <source>Reprint band (Ctrl+P)</source>
        <translation>Напечатать браслет заново (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print band (Ctrl+P)</source>
        <translation>Напечатать браслет (Ctrl+P)</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>Браслеты</translation>
    </message>
    <message>
        <source>Bands printed</source>
        <translation>Напечатанные браслеты</translation>
    </message>
    <message>
        <source>Print household (Ctrl+Shift+P)</source>
        <translation>Печать для домохозяйства (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Print tags (Ctrl+T)</source>
        <translation>Напечатать бирки (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing recorded yet</source>
        <translation>Пока ничего не записано</translation>
    </message>
</context>
<context>
    <name>BoardingPage</name>
    <message>
        <source>No transport planned yet: plan one on Transports.</source>
        <translation>Транспорт ещё не запланирован: запланируйте его на странице «Транспорт».</translation>
    </message>
    <message>
        <source>Boarded: {boarded} of {total}</source>
        <translation>Сели: {boarded} из {total}</translation>
    </message>
    <message>
        <source>seat {seat}</source>
        <translation>место {seat}</translation>
    </message>
    <message>
        <source>no seat given</source>
        <translation>место не назначено</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <translation>Сел(а): {name}, {seat}</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <translation>Назначен(а) на: {transports}.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <translation>Не назначен(а) ни на один другой транспорт.</translation>
    </message>
    <message>
        <source>NOT on this manifest: {name}. {where} Nothing was recorded.</source>
        <translation>НЕТ в этом списке: {name}. {where} Ничего не записано.</translation>
    </message>
    <message>
        <source>Voided band: {name}. Nothing was recorded: ask for their current band.</source>
        <translation>Браслет аннулирован: {name}. Ничего не записано: попросите действующий браслет.</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <translation>{name} говорил(а), что не желает ехать. Спросите: ничего не записано, пока вы не подтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <translation>Уже сел(а): {name}, {seat}. Больше ничего не записано.</translation>
    </message>
    <message>
        <source>Unknown code: not a band of this store. Nothing was recorded.</source>
        <translation>Неизвестный код: это не браслет этого хранилища. Ничего не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <translation>Не сел(а). Ничего не записано.</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <comment>female</comment>
        <translation>Села: {name}, {seat}</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <comment>male</comment>
        <translation>Сел: {name}, {seat}</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <comment>female</comment>
        <translation>{name} говорила, что не желает ехать. Спросите: ничего не записано, пока вы не подтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <comment>male</comment>
        <translation>{name} говорил, что не желает ехать. Спросите: ничего не записано, пока вы не подтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <comment>female</comment>
        <translation>Уже села: {name}, {seat}. Больше ничего не записано.</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <comment>male</comment>
        <translation>Уже сел: {name}, {seat}. Больше ничего не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <comment>female</comment>
        <translation>Не села. Ничего не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <comment>male</comment>
        <translation>Не сел. Ничего не записано.</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <comment>female</comment>
        <translation>Назначена на: {transports}.</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <comment>male</comment>
        <translation>Назначен на: {transports}.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <comment>female</comment>
        <translation>Не назначена ни на один другой транспорт.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <comment>male</comment>
        <translation>Не назначен ни на один другой транспорт.</translation>
    </message>
    <message>
        <source>Unexpected error.</source>
        <translation>Непредвиденная ошибка.</translation>
    </message>
    <message>
        <source>Boarding</source>
        <translation>Посадка</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Транспорт:</translation>
    </message>
    <message>
        <source>&amp;Scan band:</source>
        <translation>&amp;Сканируйте браслет:</translation>
    </message>
    <message>
        <source>Scan each band at the door, or type an ID</source>
        <translation>Сканируйте каждый браслет у двери или введите ID</translation>
    </message>
    <message>
        <source>They go: board (Ctrl+Enter)</source>
        <translation>Едет: посадить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>They stay: do not board</source>
        <translation>Остаётся: не сажать</translation>
    </message>
</context>
<context>
    <name>ChildWarning</name>
    <message>
        <source>⚠ Under 18 and registered alone. If the family is here, register them together (Ctrl+H); if not, tick “Unaccompanied child” or “Separated child”.</source>
        <translation>⚠ Младше 18 лет и регистрируется один. Если семья здесь, зарегистрируйте всех вместе (Ctrl+H); если нет, отметьте «Ребёнок без сопровождения» или «Ребёнок, разлучённый с родителями».</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>No open conflicts.</source>
        <translation>Нерешённых конфликтов нет.</translation>
    </message>
    <message>
        <source>Shown: the first {shown} of {count} conflicts.</source>
        <translation>Показаны первые {shown} из {count} конфликтов.</translation>
    </message>
    <message>
        <source>{name} · {id} · {field}</source>
        <translation>{name} · {id} · {field}</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>Открыть карточку: {name}</translation>
    </message>
    <message>
        <source>Written at {device} ({prefix}), {when}</source>
        <translation>Записано: {device} ({prefix}), {when}</translation>
    </message>
    <message>
        <source>Shown now, until you choose</source>
        <translation>Показано сейчас, пока вы не выберете</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Оставить это значение</translation>
    </message>
    <message>
        <source>Keep “{value}” as {field}</source>
        <translation>Оставить «{value}» в поле «{field}»</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Edited at two points at once: choose the value to keep</source>
        <translation>Изменено на двух пунктах одновременно: выберите, какое значение оставить</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Оставить «%1»</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Choose the bundle files</source>
        <translation>Выберите файлы пакетов</translation>
    </message>
    <message>
        <source>Bundles (*.bundle);;All files (*)</source>
        <translation>Пакеты (*.bundle);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>Import the bundles the laptops brought. Each file is checked (certificate, signature, chain) before anything changes; a file that fails is moved to quarantine with its reason, and the store stays as it was.</source>
        <translation>Импортируйте пакеты, привезённые с ноутбуков. Каждый файл проверяется (сертификат, подпись, цепочка), прежде чем что-либо изменится; файл, не прошедший проверку, перемещается в карантин вместе с причиной, а хранилище остаётся без изменений.</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>Импортировать файлы пакетов…</translation>
    </message>
    <message>
        <source>Write rosters…</source>
        <translation>Записать сводные списки…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Quarantined files</source>
        <translation>Файлы в карантине</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Held bundles</source>
        <translation>Отложенные пакеты</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Последняя связь</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Отправлено пакетов</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Применено</translation>
    </message>
    <message>
        <source>Still lacking</source>
        <translation>Ещё не хватает</translation>
    </message>
    <message>
        <source>Rosters fetched</source>
        <translation>Получено списков</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Each device&apos;s last contact, by the hub or by file</source>
        <translation>Последняя связь каждого устройства, через хаб или файлом</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>связи ещё не было</translation>
    </message>
    <message>
        <source>{when} by file</source>
        <translation>{when} файлом</translation>
    </message>
    <message>
        <source>{when} by hub</source>
        <translation>{when} через хаб</translation>
    </message>
    <message>
        <source>{count} by hub</source>
        <translation>{count} через хаб</translation>
    </message>
    <message>
        <source>{count} by file</source>
        <translation>{count} файлом</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Нерешённые конфликты</translation>
    </message>
    <message>
        <source>What the imports left to review</source>
        <translation>Что после импорта нужно просмотреть</translation>
    </message>
    <message>
        <source>Du&amp;plicates ({count})</source>
        <translation>&amp;Дубликаты ({count})</translation>
    </message>
    <message>
        <source>Import &amp;results</source>
        <translation>&amp;Результаты импорта</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({count})</source>
        <translation>&amp;Конфликты ({count})</translation>
    </message>
    <message>
        <source>&amp;Quarantine ({count})</source>
        <translation>Кара&amp;нтин ({count})</translation>
    </message>
    <message>
        <source>&amp;Held ({count})</source>
        <translation>&amp;Отложенные ({count})</translation>
    </message>
    <message>
        <source>&amp;Devices ({count})</source>
        <translation>&amp;Устройства ({count})</translation>
    </message>
    <message>
        <source>Hu&amp;b contact ({count})</source>
        <translation>Связь с &amp;хабом ({count})</translation>
    </message>
    <message>
        <source>Era&amp;sures ({count})</source>
        <translation>Уда&amp;ления ({count})</translation>
    </message>
    <message>
        <source>events {first}–{last}</source>
        <translation>события {first}–{last}</translation>
    </message>
    <message>
        <source>bundles held: {count}</source>
        <translation>отложено пакетов: {count}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>зарегистрировано</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe and the program keeps running. If this happens again, copy the report and send it to your coordinator: it contains no personal data.</source>
        <translation>Произошла непредвиденная ошибка. Сохранённое не потеряно, программа продолжает работать. Если это повторится, скопируйте отчёт и отправьте координатору: в нём нет персональных данных.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Отчёт об ошибке</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Копировать отчёт</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копировать отчёт</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>People registered: %n</source>
        <translation>
            <numerusform>Зарегистрировано людей: %n</numerusform>
            <numerusform>Зарегистрировано людей: %n</numerusform>
            <numerusform>Зарегистрировано людей: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No status</source>
        <translation>Без статуса</translation>
    </message>
    <message>
        <source>assigned {assigned}, boarded {boarded}, no-shows {no_shows}</source>
        <translation>назначено {assigned}, сели {boarded}, не явились {no_shows}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>По статусу</translation>
    </message>
    <message>
        <source>By reception point</source>
        <translation>По пункту приёма</translation>
    </message>
    <message>
        <source>By need</source>
        <translation>По потребностям</translation>
    </message>
    <message>
        <source>Registered by day</source>
        <translation>Зарегистрировано по дням</translation>
    </message>
    <message>
        <source>By transport (boarded of assigned)</source>
        <translation>По транспорту (сели из назначенных)</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <source>Point: {point}</source>
        <translation>Пункт: {point}</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Оператор: {name}</translation>
    </message>
    <message>
        <source>People: {total} · today: {today} · waiting: {waiting} · with needs: {needs}</source>
        <translation>Людей: {total} · сегодня: {today} · ожидают: {waiting} · с потребностями: {needs}</translation>
    </message>
    <message>
        <source>People not exported: {people} · changes: {events}</source>
        <translation>Не экспортировано людей: {people} · изменений: {events}</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Prefix</source>
        <translation>Префикс</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Imported up to</source>
        <translation>Импортировано до</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Enrolled devices</source>
        <translation>Подключённые устройства</translation>
    </message>
    <message>
        <source>Approve an enrollment request…</source>
        <translation>Одобрить запрос на подключение…</translation>
    </message>
    <message>
        <source>Revoke the selected device…</source>
        <translation>Отозвать выбранное устройство…</translation>
    </message>
    <message>
        <source>bundles after event {seq} refused</source>
        <translation>пакеты после события {seq} не принимаются</translation>
    </message>
</context>
<context>
    <name>DiscardConfirm</name>
    <message>
        <source>Discard what was typed?</source>
        <translation>Отменить введённое?</translation>
    </message>
    <message>
        <source>Discard what was typed? It has not been saved.</source>
        <translation>Отменить введённое? Оно ещё не сохранено.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить введённое</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить заполнение</translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <source>one family registered twice: {count} people</source>
        <translation>одна семья зарегистрирована дважды: {count} чел.</translation>
    </message>
    <message>
        <source>Look among &amp;everyone</source>
        <translation>Искать среди &amp;всех</translation>
    </message>
    <message>
        <source>Look among the people just &amp;imported ({count})</source>
        <translation>Искать среди только что &amp;импортированных ({count})</translation>
    </message>
    <message>
        <source>&amp;Mark as the same person</source>
        <translation>Отме&amp;тить как того же человека</translation>
    </message>
    <message>
        <source>Set &amp;aside for now</source>
        <translation>&amp;Пока отложить</translation>
    </message>
    <message>
        <source>&amp;Undo the mark</source>
        <translation>&amp;Снять отметку</translation>
    </message>
    <message>
        <source>Marked as the same person</source>
        <translation>Отмечены как тот же человек</translation>
    </message>
    <message>
        <source>Registered later</source>
        <translation>Зарегистрирован позже</translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Зарегистрирован раньше</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Likely the same person</source>
        <translation>Вероятно тот же человек</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>Отмечен</translation>
    </message>
    <message>
        <source>Same person as</source>
        <translation>Тот же человек, что и</translation>
    </message>
    <message>
        <source>Looking for people registered twice…</source>
        <translation>Поиск людей, зарегистрированных дважды…</translation>
    </message>
    <message>
        <source>Look for people who may have been registered twice: the same names in any alphabet or spelling, and the same date of birth. Marking keeps both records and can be undone.</source>
        <translation>Найдите людей, которых могли зарегистрировать дважды: те же имена любым алфавитом или в другом написании и та же дата рождения. Отметка сохраняет обе записи, её можно снять.</translation>
    </message>
    <message>
        <source>Pairs that may be one person registered twice: {count}.</source>
        <translation>Пар, которые могут быть одним человеком, зарегистрированным дважды: {count}.</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>Вероятных дубликатов не найдено.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Already registered?</source>
        <translation>Уже зарегистрированы?</translation>
    </message>
    <message>
        <source>Ctrl+1 to 5, or Alt+D then Enter: add this person.</source>
        <translation>Ctrl+1…5 или Alt+D, затем Enter: добавить этого человека.</translation>
    </message>
    <message>
        <source>Ctrl+1 to 5, or Alt+D then Enter: open instead of saving.</source>
        <translation>Ctrl+1…5 или Alt+D, затем Enter: открыть вместо сохранения.</translation>
    </message>
    <message>
        <source>No similar person found.</source>
        <translation>Похожих людей не найдено.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные повторы</translation>
    </message>
    <message>
        <source>%1% match: %2</source>
        <translation>совпадение %1%: %2</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Request erasure of {id}</source>
        <translation>Запрос на удаление {id}</translation>
    </message>
    <message>
        <source>Erasure removes {id}&apos;s names, values, notes and documents from this store and from every laptop that imports the next roster; only the ID stays, so the log still checks. It cannot be undone. Nothing is erased until another operator confirms the request on the Coordinator page.</source>
        <translation>Удаление стирает имена, значения, заметки и документы {id} из этого хранилища и с каждого ноутбука, который импортирует следующий сводный список; остаётся только ID, чтобы журнал по-прежнему проверялся. Отменить это нельзя. Ничего не удаляется, пока другой оператор не подтвердит запрос на странице «Координатор».</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Заметка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Who asked, or where it is recorded (no names)</source>
        <translation>Кто попросил или где это записано (без имён)</translation>
    </message>
    <message>
        <source>Request &amp;erasure</source>
        <translation>Запросить &amp;удаление</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ErasurePanel</name>
    <message>
        <source>You asked for this erasure: another operator must unlock the coordinator and confirm it.</source>
        <translation>Вы запросили это удаление: другой оператор должен разблокировать координационный центр и подтвердить его.</translation>
    </message>
    <message>
        <source>Confirm erasure</source>
        <translation>Подтвердить удаление</translation>
    </message>
    <message>
        <source>Erase {id} now? Their names, values, notes and documents are removed here and from every laptop with the next roster. This cannot be undone.</source>
        <translation>Удалить {id} сейчас? Имена, значения, заметки и документы будут удалены здесь и с каждого ноутбука со следующим сводным списком. Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Кто запросил</translation>
    </message>
    <message>
        <source>Erasure requests</source>
        <translation>Запросы на удаление</translation>
    </message>
    <message>
        <source>No erasure is waiting for confirmation.</source>
        <translation>Ни одно удаление не ждёт подтверждения.</translation>
    </message>
    <message>
        <source>Con&amp;firm erasure…</source>
        <translation>Под&amp;твердить удаление…</translation>
    </message>
    <message>
        <source>Wi&amp;thdraw request</source>
        <translation>От&amp;озвать запрос</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>The store could not be used</source>
        <translation>Не удалось работать с хранилищем</translation>
    </message>
    <message>
        <source>What you typed is still in the form. When the problem is fixed, try again.</source>
        <translation>Всё введённое осталось в форме. Когда проблема будет устранена, попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Не разрешено</translation>
    </message>
    <message>
        <source>This did not work</source>
        <translation>Не получилось</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error ({code}).</source>
        <translation>Непредвиденная ошибка ({code}).</translation>
    </message>
    <message>
        <source>{field}: this field is required.</source>
        <translation>{field}: это поле обязательно.</translation>
    </message>
    <message>
        <source>{field}: too long (at most {max} characters).</source>
        <translation>{field}: слишком длинно (не более {max} символов).</translation>
    </message>
    <message>
        <source>{field}: contains a control character.</source>
        <translation>{field}: содержит управляющий символ.</translation>
    </message>
    <message>
        <source>{field}: contains an invisible text-direction character.</source>
        <translation>{field}: содержит невидимый символ направления текста.</translation>
    </message>
    <message>
        <source>{field}: contains broken text.</source>
        <translation>{field}: содержит повреждённый текст.</translation>
    </message>
    <message>
        <source>{field}: contains a character that is not allowed.</source>
        <translation>{field}: содержит недопустимый символ.</translation>
    </message>
    <message>
        <source>{field}: use letters, spaces, apostrophes, hyphens and periods only.</source>
        <translation>{field}: только буквы, пробелы, апострофы, дефисы и точки.</translation>
    </message>
    <message>
        <source>{field}: write a date as 31.12.1980 or 1980-12-31, a year as 1980, or an age as ~45.</source>
        <translation>{field}: пишите дату как 31.12.1980 или 1980-12-31, год — как 1980, возраст — как ~45.</translation>
    </message>
    <message>
        <source>{field}: no such date.</source>
        <translation>{field}: такой даты не существует.</translation>
    </message>
    <message>
        <source>{field}: the date is in the future.</source>
        <translation>{field}: дата ещё не наступила.</translation>
    </message>
    <message>
        <source>{field}: the date is more than 120 years ago.</source>
        <translation>{field}: дата более 120 лет назад.</translation>
    </message>
    <message>
        <source>{field}: write the year with four digits (19.. or 20..?).</source>
        <translation>{field}: напишите год четырьмя цифрами (19.. или 20..?).</translation>
    </message>
    <message>
        <source>{field}: not a date of birth.</source>
        <translation>{field}: это не дата рождения.</translation>
    </message>
    <message>
        <source>{field}: an age must be 0 to 120.</source>
        <translation>{field}: возраст должен быть от 0 до 120.</translation>
    </message>
    <message>
        <source>{field}: a phone number has 5 to 15 digits, optionally after a +.</source>
        <translation>{field}: номер телефона содержит от 5 до 15 цифр, можно с + в начале.</translation>
    </message>
    <message>
        <source>{field}: use language codes such as uk, ru, en (at most 10).</source>
        <translation>{field}: укажите коды языков, например uk, ru, en (не более 10).</translation>
    </message>
    <message>
        <source>{field}: {tag} is not a language code; use codes such as uk, ru, en.</source>
        <translation>{field}: {tag} — не код языка; используйте коды вроде uk, ru, en.</translation>
    </message>
    <message>
        <source>{field}: not a real number (every digit the same); leave it empty if unknown.</source>
        <translation>{field}: это не настоящий номер (все цифры одинаковые); оставьте поле пустым, если номер неизвестен.</translation>
    </message>
    <message>
        <source>{field}: use Latin letters only (the spelling in the person&apos;s documents).</source>
        <translation>{field}: только латинские буквы (написание из документов человека).</translation>
    </message>
    <message>
        <source>{field}: one word mixes letters of two alphabets ({scripts}), often a look-alike letter typed in the other keyboard layout; retype it in one layout.</source>
        <translation>{field}: в одном слове смешаны буквы двух алфавитов ({scripts}), часто похожая буква набрана в другой раскладке; наберите слово в одной раскладке.</translation>
    </message>
    <message>
        <source>{field}: use letters, digits, spaces and - / . only.</source>
        <translation>{field}: только буквы, цифры, пробелы и - / .</translation>
    </message>
    <message>
        <source>{field}: give an existing household or start a new one, not both.</source>
        <translation>{field}: укажите существующее домохозяйство или создайте новое, но не оба.</translation>
    </message>
    <message>
        <source>{field}: a relationship needs a household (give one or start a new one).</source>
        <translation>{field}: родство требует домохозяйства (укажите существующее или создайте новое).</translation>
    </message>
    <message>
        <source>{field}: not one of the allowed values ({allowed}).</source>
        <translation>{field}: недопустимое значение (возможные: {allowed}).</translation>
    </message>
    <message>
        <source>{field}: wrong kind of value.</source>
        <translation>{field}: неверный тип значения.</translation>
    </message>
    <message>
        <source>{field}: unknown field.</source>
        <translation>{field}: неизвестное поле.</translation>
    </message>
    <message>
        <source>{field}: cannot be edited here; use its own action.</source>
        <translation>{field}: здесь изменить нельзя; воспользуйтесь отдельным действием.</translation>
    </message>
    <message>
        <source>{field}: 2 to 6 letters or digits (Crockford base32).</source>
        <translation>{field}: от 2 до 6 букв или цифр (Crockford base32).</translation>
    </message>
    <message>
        <source>This is not a fieldreg ID.</source>
        <translation>Это не ID fieldreg.</translation>
    </message>
    <message>
        <source>This ID has a typing error: its check character does not match.</source>
        <translation>В этом ID ошибка: контрольный символ не совпадает.</translation>
    </message>
    <message>
        <source>No person with this ID is registered here.</source>
        <translation>Человек с таким ID здесь не зарегистрирован.</translation>
    </message>
    <message>
        <source>No person with ID {id}.</source>
        <translation>Нет человека с ID {id}.</translation>
    </message>
    <message>
        <source>This person&apos;s record was erased at the coordinator&apos;s request.</source>
        <translation>Запись этого человека стёрта по запросу координатора.</translation>
    </message>
    <message>
        <source>This person left this point some time ago: the record moved to the coordinator.</source>
        <translation>Этот человек покинул пункт некоторое время назад: запись передана координатору.</translation>
    </message>
    <message>
        <source>Erasure is decided at the coordinator. This laptop drops a person when the coordinator&apos;s roster says they were erased.</source>
        <translation>О стирании решает координатор. Этот ноутбук удаляет человека, когда реестр координатора сообщает, что он стёрт.</translation>
    </message>
    <message>
        <source>An erasure of {id} is already waiting for confirmation (request {request}).</source>
        <translation>Стирание {id} уже ожидает подтверждения (запрос {request}).</translation>
    </message>
    <message>
        <source>No erasure request {id}.</source>
        <translation>Нет запроса на стирание {id}.</translation>
    </message>
    <message>
        <source>The erasure request {id} is no longer pending ({state}).</source>
        <translation>Запрос на стирание {id} больше не ожидает ({state}).</translation>
    </message>
    <message>
        <source>An erasure must be confirmed by another operator than the one who requested it. Unlock as another operator to confirm it.</source>
        <translation>Стирание должен подтвердить другой оператор, а не тот, кто его запросил. Разблокируйте как другой оператор, чтобы подтвердить.</translation>
    </message>
    <message>
        <source>The retention period must be a whole number of days from {min} to {max}.</source>
        <translation>Срок хранения — целое число дней от {min} до {max}.</translation>
    </message>
    <message>
        <source>No household with ID {id}.</source>
        <translation>Нет домохозяйства с ID {id}.</translation>
    </message>
    <message>
        <source>The members file must be a JSON list of members, each an object of fields (see member {member}).</source>
        <translation>Файл членов должен быть списком JSON, где каждый член — объект с полями (см. члена {member}).</translation>
    </message>
    <message>
        <source>{field}: use at least {min} characters.</source>
        <translation>{field}: не менее {min} символов.</translation>
    </message>
    <message>
        <source>{field}: a recovery key is 7 groups of 5 letters and digits.</source>
        <translation>{field}: ключ восстановления — это 7 групп по 5 букв и цифр.</translation>
    </message>
    <message>
        <source>{field}: group {group} has a typing error.</source>
        <translation>{field}: в группе {group} ошибка.</translation>
    </message>
    <message>
        <source>{field}: the groups are valid but do not form a recovery key.</source>
        <translation>{field}: группы верны, но вместе не образуют ключ восстановления.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Неверная парольная фраза.</translation>
    </message>
    <message>
        <source>This recovery key does not open this store.</source>
        <translation>Этот ключ восстановления не открывает это хранилище.</translation>
    </message>
    <message>
        <source>No such operator on this laptop.</source>
        <translation>На этом ноутбуке нет такого оператора.</translation>
    </message>
    <message>
        <source>Several operators use this laptop: choose one.</source>
        <translation>Этим ноутбуком пользуются несколько операторов: выберите одного.</translation>
    </message>
    <message>
        <source>The key file does not belong to this store.</source>
        <translation>Файл ключей не относится к этому хранилищу.</translation>
    </message>
    <message>
        <source>{field}: this operator already exists.</source>
        <translation>{field}: такой оператор уже есть.</translation>
    </message>
    <message>
        <source>{field}: a name is required.</source>
        <translation>{field}: нужно имя.</translation>
    </message>
    <message>
        <source>At most {max} operators per laptop.</source>
        <translation>Не более {max} операторов на одном ноутбуке.</translation>
    </message>
    <message>
        <source>The last operator cannot be removed.</source>
        <translation>Последнего оператора удалить нельзя.</translation>
    </message>
    <message>
        <source>The coordinator&apos;s escrow key is invalid.</source>
        <translation>Резервный ключ координатора недействителен.</translation>
    </message>
    <message>
        <source>This escrow key does not open this store.</source>
        <translation>Этот резервный ключ не открывает это хранилище.</translation>
    </message>
    <message>
        <source>The key file does not match this store&apos;s key.</source>
        <translation>Файл ключей не соответствует ключу этого хранилища.</translation>
    </message>
    <message>
        <source>The key file keyslots.json is missing from {folder}, and the database holds no copy of it. Put keyslots.json back from a backup of that folder; the recovery key needs it too.</source>
        <translation>Файл ключей keyslots.json отсутствует в {folder}, и в базе данных нет его копии. Верните keyslots.json из резервной копии этой папки; ключ восстановления тоже нуждается в нём.</translation>
    </message>
    <message>
        <source>A key file already exists here.</source>
        <translation>Здесь уже есть файл ключей.</translation>
    </message>
    <message>
        <source>The key file could not be written ({reason}).</source>
        <translation>Не удалось записать файл ключей ({reason}).</translation>
    </message>
    <message>
        <source>The new key file did not verify; the previous one was kept.</source>
        <translation>Новый файл ключей не прошёл проверку; предыдущий сохранён.</translation>
    </message>
    <message>
        <source>The key file was written by a newer fieldreg (version {version}).</source>
        <translation>Файл ключей создан более новой версией fieldreg (версия {version}).</translation>
    </message>
    <message>
        <source>The store is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <source>The key file has unacceptable parameters.</source>
        <translation>Файл ключей имеет недопустимые параметры.</translation>
    </message>
    <message>
        <source>The key file is damaged.</source>
        <translation>Файл ключей повреждён.</translation>
    </message>
    <message>
        <source>The key file {path} is not a regular file (a folder, link or device is in its place). The store opens from the copy in its database; run verify to rewrite the file.</source>
        <translation>Файл ключей {path} не является обычным файлом (на его месте папка, ссылка или устройство). Хранилище открывается из копии в базе данных; запустите verify, чтобы переписать файл.</translation>
    </message>
    <message>
        <source>The keys are being changed by another fieldreg window or command; nothing was changed. Try again in a moment (waited {seconds} s).</source>
        <translation>Ключи сейчас меняет другое окно или команда fieldreg; ничего не изменено. Попробуйте ещё раз через мгновение (ожидание {seconds} с).</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again in {seconds} s.</source>
        <translation>Неверная парольная фраза. Попробуйте снова через {seconds} с.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases for this operator. Try again in {seconds} s, or use the recovery key.</source>
        <translation>Слишком много неверных парольных фраз для этого оператора. Попробуйте снова через {seconds} с или воспользуйтесь ключом восстановления.</translation>
    </message>
    <message>
        <source>{field}: this name looks the same as another operator&apos;s; choose another.</source>
        <translation>{field}: это имя выглядит так же, как имя другого оператора; выберите другое.</translation>
    </message>
    <message>
        <source>{field}: use letters of one alphabet only (Latin or Cyrillic), so the name cannot pass for another.</source>
        <translation>{field}: используйте буквы только одного алфавита (латиницы или кириллицы), чтобы имя нельзя было спутать с другим.</translation>
    </message>
    <message>
        <source>The key file {path} was missing; it was rewritten from the database&apos;s copy.</source>
        <translation>Файл ключей {path} отсутствовал; он переписан из копии в базе данных.</translation>
    </message>
    <message>
        <source>The key file {path} was not a regular file; it was rewritten from the database&apos;s copy.</source>
        <translation>Файл ключей {path} не был обычным файлом; он переписан из копии в базе данных.</translation>
    </message>
    <message>
        <source>The key file {path} was damaged; it was rewritten from the good copy.</source>
        <translation>Файл ключей {path} был повреждён; он переписан из целой копии.</translation>
    </message>
    <message>
        <source>The key file {path} was older than the database&apos;s copy; it was brought up to date.</source>
        <translation>Файл ключей {path} был старее копии в базе данных; он обновлён.</translation>
    </message>
    <message>
        <source>The database had no copy of the keys; it was written from the key file.</source>
        <translation>В базе данных не было копии ключей; она записана из файла ключей.</translation>
    </message>
    <message>
        <source>The database&apos;s copy of the keys was damaged; it was rewritten from the key file.</source>
        <translation>Копия ключей в базе данных была повреждена; она переписана из файла ключей.</translation>
    </message>
    <message>
        <source>The database&apos;s copy of the keys was older than the key file; it was brought up to date.</source>
        <translation>Копия ключей в базе данных была старее файла ключей; она обновлена.</translation>
    </message>
    <message>
        <source>A protected value does not open: it was altered or moved ({table}, {group}).</source>
        <translation>Защищённое значение не открывается: его изменили или переместили ({table}, {group}).</translation>
    </message>
    <message>
        <source>A store already exists in this folder.</source>
        <translation>В этой папке уже есть хранилище.</translation>
    </message>
    <message>
        <source>There is no store in this folder.</source>
        <translation>В этой папке нет хранилища.</translation>
    </message>
    <message>
        <source>{folder} already holds a store&apos;s database, but its key file keyslots.json is missing. No new store was made: open the store as usual (its database keeps a copy of the keys) and run verify to rewrite the key file.</source>
        <translation>{folder} уже содержит базу данных хранилища, но её файл ключей keyslots.json отсутствует. Новое хранилище не создано: откройте хранилище как обычно (его база данных хранит копию ключей) и запустите verify, чтобы переписать файл ключей.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Диск заполнен. Ничего не сохранено; освободите место и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The store is busy in another program. Nothing was saved; try again.</source>
        <translation>Хранилище занято другой программой. Ничего не сохранено; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The store cannot be written (read-only).</source>
        <translation>В хранилище нельзя записывать (только чтение).</translation>
    </message>
    <message>
        <source>The store is damaged. Run a verification.</source>
        <translation>Хранилище повреждено. Запустите проверку.</translation>
    </message>
    <message>
        <source>The disk reported an error. Nothing was saved.</source>
        <translation>Диск сообщил об ошибке. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The database server could not be reached: check the address in --store, the network and that the server runs. Nothing was saved.</source>
        <translation>Не удалось связаться с сервером базы данных: проверьте адрес в --store, сеть и работает ли сервер. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>This installation has no PostgreSQL support: install fieldreg with its postgresql extra (pip install &apos;fieldreg[postgresql]&apos;), or open a store folder instead.</source>
        <translation>В этой установке нет поддержки PostgreSQL: установите fieldreg с дополнением postgresql (pip install &apos;fieldreg[postgresql]&apos;) или откройте папку хранилища.</translation>
    </message>
    <message>
        <source>The database server refused the connection: check the user and database in the address, and its password in ~/.pgpass. Nothing was saved.</source>
        <translation>Сервер базы данных отклонил соединение: проверьте пользователя и базу данных в адресе и пароль в ~/.pgpass. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The database server answers, but that database holds no fieldreg store: check the database name in the address.</source>
        <translation>Сервер базы данных отвечает, но в этой базе нет хранилища fieldreg: проверьте имя базы данных в адресе.</translation>
    </message>
    <message>
        <source>This is not a PostgreSQL address: write it as postgresql://user@host/database.</source>
        <translation>Это не адрес PostgreSQL: запишите его как postgresql://пользователь@сервер/база.</translation>
    </message>
    <message>
        <source>Leave the password out of the address: put it in ~/.pgpass, where the server&apos;s driver reads it; it is never kept in fieldreg&apos;s settings.</source>
        <translation>Не пишите пароль в адресе: положите его в ~/.pgpass, откуда его читает драйвер сервера; в настройках fieldreg он никогда не хранится.</translation>
    </message>
    <message>
        <source>The database server asks for a password: type the password of the user in the address. It is kept only until fieldreg closes.</source>
        <translation>Сервер базы данных запрашивает пароль: введите пароль пользователя из адреса. Он хранится только до закрытия fieldreg.</translation>
    </message>
    <message>
        <source>The database server refused this password. Nothing was changed; type it again.</source>
        <translation>Сервер базы данных отклонил этот пароль. Ничего не изменено; введите его ещё раз.</translation>
    </message>
    <message>
        <source>This store was written by a newer fieldreg (schema {revision}). Update fieldreg to open it.</source>
        <translation>Это хранилище создано более новой версией fieldreg (схема {revision}). Обновите fieldreg, чтобы его открыть.</translation>
    </message>
    <message>
        <source>The store has no device record.</source>
        <translation>В хранилище нет записи об устройстве.</translation>
    </message>
    <message>
        <source>An event in the log is malformed.</source>
        <translation>Событие в журнале повреждено.</translation>
    </message>
    <message>
        <source>An event in the log was altered.</source>
        <translation>Событие в журнале изменено.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} missing.</source>
        <translation>Журнал событий устройства {device}: не хватает события {seq}.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} does not follow the one before.</source>
        <translation>Журнал событий устройства {device}: событие {seq} не продолжает предыдущее.</translation>
    </message>
    <message>
        <source>Event log of device {device}: its recorded end does not match.</source>
        <translation>Журнал событий устройства {device}: записанный конец журнала не совпадает.</translation>
    </message>
    <message>
        <source>Person {person}: the stored record differs from its history.</source>
        <translation>Человек {person}: сохранённая запись отличается от истории изменений.</translation>
    </message>
    <message>
        <source>Person {person}: replaying the history gives a different record.</source>
        <translation>Человек {person}: воспроизведение истории даёт другую запись.</translation>
    </message>
    <message>
        <source>Event log of device {device}: events {first} to {last} missing.</source>
        <translation>Журнал событий устройства {device}: не хватает событий с {first} по {last}.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} does not open (altered or moved).</source>
        <translation>Журнал событий устройства {device}: событие {seq} не открывается (изменено или перемещено).</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} was altered.</source>
        <translation>Журнал событий устройства {device}: событие {seq} изменено.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} of person {person} is marked erased, but the person is not.</source>
        <translation>Журнал событий устройства {device}: событие {seq} человека {person} помечено стёртым, но человек не стёрт.</translation>
    </message>
    <message>
        <source>Event log of device {device}: its recorded clock does not match its last event.</source>
        <translation>Журнал событий устройства {device}: записанное время не совпадает с последним событием.</translation>
    </message>
    <message>
        <source>Event log of device {device}: it ends at event {seq}, but the anchor outside the database records event {anchored}: events were removed.</source>
        <translation>Журнал событий устройства {device}: заканчивается событием {seq}, но якорь вне базы данных записал событие {anchored}: события удалены.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} is not the one the anchor outside the database records: the log was rewritten.</source>
        <translation>Журнал событий устройства {device}: событие {seq} не то, которое записал якорь вне базы данных: журнал переписан.</translation>
    </message>
    <message>
        <source>Device {device}: its record is gone, but the anchor outside the database records its events up to number {anchored}.</source>
        <translation>Устройство {device}: его запись пропала, но якорь вне базы данных записал его события до номера {anchored}.</translation>
    </message>
    <message>
        <source>Device {device}: its events are in the log, but its record is gone.</source>
        <translation>Устройство {device}: его события есть в журнале, но его запись пропала.</translation>
    </message>
    <message>
        <source>The anchor outside the database (files anchor.0, anchor.1) does not open.</source>
        <translation>Якорь вне базы данных (файлы anchor.0, anchor.1) не открывается.</translation>
    </message>
    <message>
        <source>No anchor yet: the end of the event log is recorded outside the database at the next save, so removed events cannot be found before then.</source>
        <translation>Якоря ещё нет: конец журнала событий будет записан вне базы данных при следующем сохранении, поэтому до тех пор удалённые события обнаружить нельзя.</translation>
    </message>
    <message>
        <source>Device {device}: its ID counter was set back to {counter}, but ID {id} was already issued; new registrations would be refused.</source>
        <translation>Устройство {device}: его счётчик ID возвращён к {counter}, но ID {id} уже выдан; новые регистрации будут отклонены.</translation>
    </message>
    <message>
        <source>Device {device}: its ID prefix is {prefix}, but its IDs were issued under {expected}.</source>
        <translation>Устройство {device}: его префикс ID — {prefix}, но его ID выданы с префиксом {expected}.</translation>
    </message>
    <message>
        <source>Person {person}: has a history in the event log but no record.</source>
        <translation>Человек {person}: есть история в журнале событий, но нет записи.</translation>
    </message>
    <message>
        <source>Person {person}: has a record but no history in the event log.</source>
        <translation>Человек {person}: есть запись, но нет истории в журнале событий.</translation>
    </message>
    <message>
        <source>Person {person}: the sealed {group} part does not open (altered or moved).</source>
        <translation>Человек {person}: запечатанная часть {group} не открывается (изменена или перемещена).</translation>
    </message>
    <message>
        <source>Person {person}: the stored registration or change time differs from the history.</source>
        <translation>Человек {person}: сохранённое время регистрации или изменения отличается от истории.</translation>
    </message>
    <message>
        <source>Person {person}: note {note} is in the history but its record is missing.</source>
        <translation>Человек {person}: примечание {note} есть в истории, но его записи не хватает.</translation>
    </message>
    <message>
        <source>Note {note}, filed under person {person}: it is in no history.</source>
        <translation>Примечание {note}, записанное к человеку {person}: его нет ни в одной истории.</translation>
    </message>
    <message>
        <source>Note {note}: filed under person {person}, but it was written for person {owner}.</source>
        <translation>Примечание {note}: записано к человеку {person}, но написано для человека {owner}.</translation>
    </message>
    <message>
        <source>Note {note} of person {person}: it does not open (altered or moved).</source>
        <translation>Примечание {note} человека {person}: не открывается (изменено или перемещено).</translation>
    </message>
    <message>
        <source>Note {note} of person {person}: it differs from the history.</source>
        <translation>Примечание {note} человека {person}: отличается от истории.</translation>
    </message>
    <message>
        <source>Transport {transport} has events but no stored state.</source>
        <translation>У транспорта {transport} есть события, но нет сохранённого состояния.</translation>
    </message>
    <message>
        <source>Transport {transport}: the stored state does not match its events.</source>
        <translation>Транспорт {transport}: сохранённое состояние не соответствует его событиям.</translation>
    </message>
    <message>
        <source>Household {household}: created in the event log but has no record.</source>
        <translation>Домохозяйство {household}: создано в журнале событий, но не имеет записи.</translation>
    </message>
    <message>
        <source>Household {household}: has a record but no history in the event log.</source>
        <translation>Домохозяйство {household}: имеет запись, но не имеет истории в журнале событий.</translation>
    </message>
    <message>
        <source>Household {household}: the stored creation time differs from the history.</source>
        <translation>Домохозяйство {household}: сохранённое время создания отличается от истории.</translation>
    </message>
    <message>
        <source>This store&apos;s ID counter was set back: ID {id} is already taken. Nothing was saved; run fieldreg verify.</source>
        <translation>Счётчик ID этого хранилища возвращён назад: ID {id} уже занят. Ничего не сохранено; запустите fieldreg verify.</translation>
    </message>
    <message>
        <source>The data is too large (at most {max}).</source>
        <translation>Данные слишком велики (не более {max}).</translation>
    </message>
    <message>
        <source>The data is nested too deeply.</source>
        <translation>Данные слишком глубоко вложены.</translation>
    </message>
    <message>
        <source>The data is not valid JSON.</source>
        <translation>Данные не являются корректным JSON.</translation>
    </message>
    <message>
        <source>The data is not valid UTF-8.</source>
        <translation>Данные не являются корректным UTF-8.</translation>
    </message>
    <message>
        <source>The data repeats a key.</source>
        <translation>В данных повторяется ключ.</translation>
    </message>
    <message>
        <source>The data contains NaN or Infinity.</source>
        <translation>Данные содержат NaN или Infinity.</translation>
    </message>
    <message>
        <source>The data contains a fractional number.</source>
        <translation>Данные содержат дробное число.</translation>
    </message>
    <message>
        <source>The data contains an unpaired surrogate character.</source>
        <translation>Данные содержат непарный суррогатный символ.</translation>
    </message>
    <message>
        <source>The data contains a number out of range.</source>
        <translation>Данные содержат число вне допустимых пределов.</translation>
    </message>
    <message>
        <source>The data contains a value of an unknown kind.</source>
        <translation>Данные содержат значение неизвестного типа.</translation>
    </message>
    <message>
        <source>The data contains a key that is not text.</source>
        <translation>Данные содержат ключ, который не является текстом.</translation>
    </message>
    <message>
        <source>Cannot read the secret from {path}.</source>
        <translation>Не удалось прочитать секрет из {path}.</translation>
    </message>
    <message>
        <source>No terminal to ask for the passphrase: use --passphrase-file or {env}.</source>
        <translation>Нет терминала, чтобы запросить парольную фразу: используйте --passphrase-file или {env}.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Два ввода не совпадают.</translation>
    </message>
    <message>
        <source>There is no store in {path}. Name the store&apos;s folder with --data-dir, or create a store there with fieldreg init.</source>
        <translation>В папке {path} нет хранилища. Укажите папку хранилища через --data-dir или создайте там хранилище командой fieldreg init.</translation>
    </message>
    <message>
        <source>A store already exists in {path}; nothing was changed.</source>
        <translation>В папке {path} уже есть хранилище; ничего не изменено.</translation>
    </message>
    <message>
        <source>Several operators use this laptop: choose one with {option} NAME (fieldreg operator list shows them).</source>
        <translation>Этим ноутбуком пользуются несколько операторов: выберите одного через {option} ИМЯ (их показывает fieldreg operator list).</translation>
    </message>
    <message>
        <source>{field}: not changed by edit; use fieldreg {command}.</source>
        <translation>{field}: не меняется командой edit; воспользуйтесь fieldreg {command}.</translation>
    </message>
    <message>
        <source>{path} cannot be used: {reason}. Choose another file or folder.</source>
        <translation>{path} нельзя использовать: {reason}. Выберите другой файл или папку.</translation>
    </message>
    <message>
        <source>The system refused the operation: {reason}.</source>
        <translation>Система отказала в операции: {reason}.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({reason}); nothing was changed.</source>
        <translation>Не удалось сохранить настройки ({reason}); ничего не изменено.</translation>
    </message>
    <message>
        <source>This is not a valid key.</source>
        <translation>Это недействительный ключ.</translation>
    </message>
    <message>
        <source>The network keys in this store are damaged.</source>
        <translation>Ключи сети в этом хранилище повреждены.</translation>
    </message>
    <message>
        <source>Wrong network passphrase.</source>
        <translation>Неверная парольная фраза сети.</translation>
    </message>
    <message>
        <source>The network passphrase must differ from the store&apos;s passphrase.</source>
        <translation>Парольная фраза сети должна отличаться от парольной фразы хранилища.</translation>
    </message>
    <message>
        <source>This is not a coordinator&apos;s store (create one with `network create`).</source>
        <translation>Это не хранилище координатора (создайте его командой `network create`).</translation>
    </message>
    <message>
        <source>This laptop is not enrolled in a network yet: enroll it first.</source>
        <translation>Этот ноутбук ещё не подключён к сети: сначала подключите его.</translation>
    </message>
    <message>
        <source>This store already belongs to a network.</source>
        <translation>Это хранилище уже относится к сети.</translation>
    </message>
    <message>
        <source>The device certificate is damaged or not signed by this network ({part}).</source>
        <translation>Сертификат устройства повреждён или не подписан этой сетью ({part}).</translation>
    </message>
    <message>
        <source>No enrolled device matches.</source>
        <translation>Нет подходящего подключённого устройства.</translation>
    </message>
    <message>
        <source>A sequence number cannot be negative.</source>
        <translation>Порядковый номер не может быть отрицательным.</translation>
    </message>
    <message>
        <source>Event {seq} was erased here and cannot be exported.</source>
        <translation>Событие {seq} здесь удалено, его нельзя экспортировать.</translation>
    </message>
    <message>
        <source>The bundle could not be written ({reason}). Nothing was marked as exported.</source>
        <translation>Не удалось записать пакет ({reason}). Ничего не отмечено как экспортированное.</translation>
    </message>
    <message>
        <source>The target folder does not exist.</source>
        <translation>Целевой папки не существует.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Файл не удаётся прочитать.</translation>
    </message>
    <message>
        <source>There is no file by that name: check the name and the folder.</source>
        <translation>Файла с таким именем нет: проверьте имя и папку.</translation>
    </message>
    <message>
        <source>This is not a file (a link, a folder or a device): choose the file itself.</source>
        <translation>Это не файл (ссылка, папка или устройство): выберите сам файл.</translation>
    </message>
    <message>
        <source>This file is too large to be an enrollment request or answer.</source>
        <translation>Этот файл слишком велик для запроса на подключение или ответа на него.</translation>
    </message>
    <message>
        <source>At most {max} files at a time.</source>
        <translation>Не более {max} файлов за раз.</translation>
    </message>
    <message>
        <source>A file of that name already exists; nothing was overwritten.</source>
        <translation>Файл с таким именем уже есть; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>No hub is set for this laptop: set its address and certificate first.</source>
        <translation>Для этого ноутбука не задан хаб: сначала укажите его адрес и сертификат.</translation>
    </message>
    <message>
        <source>A hub address is a host name or IP address, a colon and a port.</source>
        <translation>Адрес хаба — это имя хоста или IP-адрес, двоеточие и порт.</translation>
    </message>
    <message>
        <source>Give both the hub&apos;s address and its certificate, or neither.</source>
        <translation>Укажите и адрес хаба, и его сертификат, либо ничего из этого.</translation>
    </message>
    <message>
        <source>A certificate fingerprint is 64 hexadecimal digits (SHA-256).</source>
        <translation>Отпечаток сертификата — это 64 шестнадцатеричные цифры (SHA-256).</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate is not the one this laptop pinned: nothing was sent. Check the address with the coordinator.</source>
        <translation>Сертификат хаба не тот, что закреплён на этом ноутбуке: ничего не отправлено. Проверьте адрес с координатором.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>Не удалось прочитать ответ хаба.</translation>
    </message>
    <message>
        <source>The hub refused the request ({status} {reason}).</source>
        <translation>Хаб отклонил запрос ({status} {reason}).</translation>
    </message>
    <message>
        <source>The hub could not write the roster ({reason}).</source>
        <translation>Хаб не смог записать реестр ({reason}).</translation>
    </message>
    <message>
        <source>A hub certificate is already in that folder; nothing was overwritten.</source>
        <translation>В этой папке уже есть сертификат хаба; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate files cannot be read or written ({reason}).</source>
        <translation>Файлы сертификата хаба невозможно прочитать или записать ({reason}).</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate or key file is not a usable TLS certificate and key.</source>
        <translation>Файл сертификата или ключа хаба не является пригодным сертификатом и ключом TLS.</translation>
    </message>
    <message>
        <source>The hub cannot listen on that address ({reason}).</source>
        <translation>Хаб не может слушать на этом адресе ({reason}).</translation>
    </message>
    <message>
        <source>This enrollment request is damaged or not signed by its laptop ({part}).</source>
        <translation>Этот запрос на подключение повреждён или не подписан его ноутбуком ({part}).</translation>
    </message>
    <message>
        <source>This enrollment answer is damaged or not signed by the network ({part}).</source>
        <translation>Этот ответ на подключение повреждён или не подписан сетью ({part}).</translation>
    </message>
    <message>
        <source>This enrollment file was made by a newer fieldreg.</source>
        <translation>Этот файл подключения создан более новой версией fieldreg.</translation>
    </message>
    <message>
        <source>{field}: an assigned prefix has 2 to {max} symbols and does not start with Z.</source>
        <translation>{field}: назначенный префикс содержит от 2 до {max} символов и не начинается с Z.</translation>
    </message>
    <message>
        <source>The prefix {prefix} belongs to another device.</source>
        <translation>Префикс {prefix} принадлежит другому устройству.</translation>
    </message>
    <message>
        <source>The network fingerprint does not match the coordinator&apos;s: do not use this answer.</source>
        <translation>Отпечаток сети не совпадает с отпечатком координатора: не используйте этот ответ.</translation>
    </message>
    <message>
        <source>This answer was made for another laptop&apos;s request.</source>
        <translation>Этот ответ создан на запрос другого ноутбука.</translation>
    </message>
    <message>
        <source>The bundle file is empty.</source>
        <translation>Файл пакета пуст.</translation>
    </message>
    <message>
        <source>The file is too large to be a bundle (at most {max}).</source>
        <translation>Файл слишком велик для пакета (не более {max}).</translation>
    </message>
    <message>
        <source>This file is not a fieldreg bundle.</source>
        <translation>Это не пакет fieldreg.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer fieldreg (format {version}).</source>
        <translation>Этот пакет создан более новой версией fieldreg (формат {version}).</translation>
    </message>
    <message>
        <source>The bundle is incomplete: the file was cut short.</source>
        <translation>Пакет неполный: файл оборван.</translation>
    </message>
    <message>
        <source>The bundle&apos;s {part} is larger than allowed ({max}).</source>
        <translation>Часть пакета «{part}» больше допустимого ({max}).</translation>
    </message>
    <message>
        <source>The bundle has unexpected data after its end.</source>
        <translation>После конца пакета есть лишние данные.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature is malformed ({part}).</source>
        <translation>Подпись пакета повреждена ({part}).</translation>
    </message>
    <message>
        <source>The bundle&apos;s header is invalid ({key}).</source>
        <translation>Заголовок пакета недействителен ({key}).</translation>
    </message>
    <message>
        <source>The bundle holds too many events (at most {max}).</source>
        <translation>В пакете слишком много событий (не более {max}).</translation>
    </message>
    <message>
        <source>The bundle belongs to another network.</source>
        <translation>Пакет относится к другой сети.</translation>
    </message>
    <message>
        <source>The bundle comes from a device this coordinator never enrolled.</source>
        <translation>Пакет пришёл с устройства, которое этот координатор никогда не подключал.</translation>
    </message>
    <message>
        <source>The device was revoked: its bundles are accepted only up to event {up_to}.</source>
        <translation>Устройство отозвано: его пакеты принимаются только до события {up_to}.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match: it was altered or forged.</source>
        <translation>Подпись пакета не совпадает: его изменили или подделали.</translation>
    </message>
    <message>
        <source>The bundle&apos;s encryption header is invalid ({reason}).</source>
        <translation>Заголовок шифрования пакета недействителен ({reason}).</translation>
    </message>
    <message>
        <source>The bundle was not encrypted to this coordinator.</source>
        <translation>Пакет зашифрован не для этого координатора.</translation>
    </message>
    <message>
        <source>The bundle does not decrypt: its content is incomplete or altered.</source>
        <translation>Пакет не расшифровывается: его содержимое неполное или изменено.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content does not match its signed header.</source>
        <translation>Содержимое пакета не соответствует его подписанному заголовку.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content is malformed ({reason}).</source>
        <translation>Содержимое пакета повреждено ({reason}).</translation>
    </message>
    <message>
        <source>Event {seq} in the bundle is invalid ({reason}).</source>
        <translation>Событие {seq} в пакете недействительно ({reason}).</translation>
    </message>
    <message>
        <source>The bundle&apos;s events are not chained correctly at event {seq}.</source>
        <translation>События пакета неправильно связаны в цепочку на событии {seq}.</translation>
    </message>
    <message>
        <source>ALARM: device {device} signed two different histories (event {seq}). Nothing was imported; check the device.</source>
        <translation>ТРЕВОГА: устройство {device} подписало две разные истории (событие {seq}). Ничего не импортировано; проверьте устройство.</translation>
    </message>
    <message>
        <source>Nothing new to export since the last bundle.</source>
        <translation>После последнего пакета нет ничего нового для экспорта.</translation>
    </message>
    <message>
        <source>Choose events between 1 and {last}, first not after last.</source>
        <translation>Выберите события от 1 до {last}; первое не может идти после последнего.</translation>
    </message>
    <message>
        <source>The bundle did not read back correctly; it was removed. Try another stick.</source>
        <translation>Записанный пакет не прочитался правильно, он удалён. Попробуйте другую флешку.</translation>
    </message>
    <message>
        <source>The roster file is empty.</source>
        <translation>Файл списка пуст.</translation>
    </message>
    <message>
        <source>The file is too large to be a roster (at most {max}).</source>
        <translation>Файл слишком велик для списка (не более {max}).</translation>
    </message>
    <message>
        <source>This file is not a fieldreg roster.</source>
        <translation>Это не список fieldreg.</translation>
    </message>
    <message>
        <source>This roster was made by a newer fieldreg (format {version}).</source>
        <translation>Этот список создан более новой версией fieldreg (формат {version}).</translation>
    </message>
    <message>
        <source>The roster is incomplete: the file was cut short.</source>
        <translation>Список неполный: файл оборван.</translation>
    </message>
    <message>
        <source>The roster&apos;s {part} is larger than allowed ({max}).</source>
        <translation>Часть списка {part} больше допустимого ({max}).</translation>
    </message>
    <message>
        <source>The roster has unexpected data after its end.</source>
        <translation>После конца списка есть лишние данные.</translation>
    </message>
    <message>
        <source>The roster&apos;s signature is malformed ({part}).</source>
        <translation>Подпись списка повреждена ({part}).</translation>
    </message>
    <message>
        <source>The roster&apos;s header is invalid ({key}).</source>
        <translation>Заголовок списка недействителен ({key}).</translation>
    </message>
    <message>
        <source>The roster belongs to another network.</source>
        <translation>Список принадлежит другой сети.</translation>
    </message>
    <message>
        <source>The roster was written for another laptop.</source>
        <translation>Список создан для другого ноутбука.</translation>
    </message>
    <message>
        <source>The roster was written for this laptop&apos;s enrollment {epoch}, but its certificate is enrollment {ours}.</source>
        <translation>Список создан для регистрации {epoch} этого ноутбука, а его сертификат — регистрация {ours}.</translation>
    </message>
    <message>
        <source>The roster&apos;s signature does not match the network&apos;s key: it was altered or forged.</source>
        <translation>Подпись списка не соответствует ключу сети: он изменён или подделан.</translation>
    </message>
    <message>
        <source>The roster is version {version}, not newer than the version {applied} this laptop has applied. The current roster is kept.</source>
        <translation>Список имеет версию {version}, не новее версии {applied}, применённой на этом ноутбуке. Текущий список сохранён.</translation>
    </message>
    <message>
        <source>The roster holds the changes since version {base}, but this laptop has version {applied}. The current roster is kept; ask the coordinator for a full roster.</source>
        <translation>Список содержит изменения после версии {base}, а на этом ноутбуке версия {applied}. Текущий список сохранён; попросите у координатора полный список.</translation>
    </message>
    <message>
        <source>The roster expired on {expired}. The current roster is kept; ask the coordinator for a new one.</source>
        <translation>Срок действия списка истёк {expired}. Текущий список сохранён; попросите у координатора новый.</translation>
    </message>
    <message>
        <source>The roster&apos;s encryption header is invalid ({reason}).</source>
        <translation>Заголовок шифрования списка недействителен ({reason}).</translation>
    </message>
    <message>
        <source>The roster was not encrypted to this laptop&apos;s key.</source>
        <translation>Список зашифрован не ключом этого ноутбука.</translation>
    </message>
    <message>
        <source>The roster does not decrypt: its content is incomplete or altered.</source>
        <translation>Список не расшифровывается: его содержимое неполное или изменено.</translation>
    </message>
    <message>
        <source>The roster&apos;s content does not match its signed header.</source>
        <translation>Содержимое списка не соответствует его подписанному заголовку.</translation>
    </message>
    <message>
        <source>The roster&apos;s content unpacks to more than {max}; it was refused.</source>
        <translation>Содержимое списка распаковывается в более чем {max}; он отклонён.</translation>
    </message>
    <message>
        <source>The roster&apos;s content is malformed ({reason}).</source>
        <translation>Содержимое реестра повреждено ({reason}).</translation>
    </message>
    <message>
        <source>There is no open conflict on this field.</source>
        <translation>В этом поле нет открытого конфликта.</translation>
    </message>
    <message>
        <source>Choose a value from 0 to {max}.</source>
        <translation>Выберите значение от 0 до {max}.</translation>
    </message>
    <message>
        <source>A person cannot be a duplicate of themselves.</source>
        <translation>Человек не может быть дубликатом самого себя.</translation>
    </message>
    <message>
        <source>{id} is not marked as the same person as {of}.</source>
        <translation>{id} не отмечен как тот же человек, что и {of}.</translation>
    </message>
    <message>
        <source>The scanned text is too long for a fieldreg code (at most {max} characters).</source>
        <translation>Отсканированный текст слишком длинный для кода fieldreg (не более {max} символов).</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <translation>Ничего не отсканировано.</translation>
    </message>
    <message>
        <source>This fieldreg code is damaged or incomplete.</source>
        <translation>Этот код fieldreg повреждён или неполон.</translation>
    </message>
    <message>
        <source>This code was not made by fieldreg.</source>
        <translation>Этот код создан не в fieldreg.</translation>
    </message>
    <message>
        <source>This code was made by a newer fieldreg (format {version}). Update fieldreg to read it.</source>
        <translation>Этот код создан более новой версией fieldreg (формат {version}). Обновите fieldreg, чтобы его прочитать.</translation>
    </message>
    <message>
        <source>This could be two different IDs: type it with the Latin keyboard layout.</source>
        <translation>Это могут быть два разных ID: наберите его в латинской раскладке.</translation>
    </message>
    <message>
        <source>This band was replaced by a newer one. Check the person and take the old band off.</source>
        <translation>Этот браслет заменён новым. Проверьте человека и снимите старый браслет.</translation>
    </message>
    <message>
        <source>This band is not in this laptop&apos;s records (printed elsewhere and not synced yet?). Check the person.</source>
        <translation>Этого браслета нет в записях ноутбука (напечатан в другом месте и ещё не синхронизирован?). Проверьте человека.</translation>
    </message>
    <message>
        <source>There is no label stock named {stock}.</source>
        <translation>Нет носителя для этикеток с названием {stock}.</translation>
    </message>
    <message>
        <source>{stock} is a sheet for office printers; ZPL is for thermal bands only.</source>
        <translation>{stock} — лист для офисных принтеров; ZPL только для термобраслетов.</translation>
    </message>
    <message>
        <source>This is not a valid printer queue name.</source>
        <translation>Это неверное имя очереди печати.</translation>
    </message>
    <message>
        <source>There is no printer queue named {queue}. Nothing was printed.</source>
        <translation>Очереди печати {queue} нет. Ничего не напечатано.</translation>
    </message>
    <message>
        <source>The printer queue {queue} is stopped. Nothing was printed.</source>
        <translation>Очередь печати {queue} остановлена. Ничего не напечатано.</translation>
    </message>
    <message>
        <source>The printer queue {queue} is not accepting jobs. Nothing was printed.</source>
        <translation>Очередь печати {queue} не принимает заданий. Ничего не напечатано.</translation>
    </message>
    <message>
        <source>The printing system (CUPS) is not running. Nothing was printed.</source>
        <translation>Система печати (CUPS) не работает. Ничего не напечатано.</translation>
    </message>
    <message>
        <source>Sending ZPL to a printer queue needs CUPS (the lp command), which this computer lacks.</source>
        <translation>Чтобы отправить ZPL в очередь печати, нужна CUPS (команда lp), а на этом компьютере её нет.</translation>
    </message>
    <message>
        <source>The printer queue {queue} did not take the job. No band was marked as issued.</source>
        <translation>Очередь печати {queue} не приняла задание. Ни один браслет не отмечен как выданный.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened. No band was marked as issued.</source>
        <translation>Не удалось открыть принтер или файл. Ни один браслет не отмечен как выданный.</translation>
    </message>
    <message>
        <source>The file could not be written ({reason}). No band was marked as issued.</source>
        <translation>Не удалось записать файл ({reason}). Ни один браслет не отмечен как выданный.</translation>
    </message>
    <message>
        <source>This household has no members to print for.</source>
        <translation>В этом домохозяйстве нет членов, для которых печатать.</translation>
    </message>
    <message>
        <source>At most {max} labels can be printed at once.</source>
        <translation>За раз можно напечатать не более {max} этикеток.</translation>
    </message>
    <message>
        <source>The printing settings are damaged ({key}); reset them (fieldreg band settings --reset).</source>
        <translation>Настройки печати повреждены ({key}); сбросьте их (fieldreg band settings --reset).</translation>
    </message>
    <message>
        <source>The printing settings could not be read ({reason}).</source>
        <translation>Не удалось прочитать настройки печати ({reason}).</translation>
    </message>
    <message>
        <source>The printing settings could not be saved ({reason}).</source>
        <translation>Не удалось сохранить настройки печати ({reason}).</translation>
    </message>
    <message>
        <source>The file could not be written ({reason}).</source>
        <translation>Не удалось записать файл ({reason}).</translation>
    </message>
    <message>
        <source>There is no column named {column}.</source>
        <translation>Столбца {column} нет.</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Выберите хотя бы один столбец.</translation>
    </message>
    <message>
        <source>The PFIF domain must be a domain name, such as registry.example.org.</source>
        <translation>Домен PFIF должен быть доменным именем, например registry.example.org.</translation>
    </message>
    <message>
        <source>Encrypt either to a passphrase or to recipients, not both.</source>
        <translation>Шифруйте либо парольной фразой, либо для получателей, но не обоими способами.</translation>
    </message>
    <message>
        <source>Give a passphrase or a recipient to encrypt the export.</source>
        <translation>Укажите парольную фразу или получателя, чтобы зашифровать экспорт.</translation>
    </message>
    <message>
        <source>The export passphrase must have at least {min} characters.</source>
        <translation>Парольная фраза экспорта должна содержать не менее {min} символов.</translation>
    </message>
    <message>
        <source>The export could not be written ({reason}). No file was left behind.</source>
        <translation>Не удалось записать экспорт ({reason}). Ни одного файла не осталось.</translation>
    </message>
    <message>
        <source>The PFIF file is too large (at most {limit}). Nothing was imported.</source>
        <translation>Файл PFIF слишком велик (не более {limit}). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The PFIF file is not UTF-8 text. Nothing was imported.</source>
        <translation>Файл PFIF не является текстом в UTF-8. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The PFIF file declares a document type or entities, which could read other files or exhaust memory. Nothing was imported.</source>
        <translation>Файл PFIF объявляет тип документа или сущности, которые могут прочитать другие файлы или исчерпать память. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The PFIF file is not well-formed XML (line {line}). Nothing was imported.</source>
        <translation>Файл PFIF не является правильным XML (строка {line}). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The file is not a PFIF 1.4 document. Nothing was imported.</source>
        <translation>Файл не является документом PFIF 1.4. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The element {element} is outside the PFIF 1.4 namespace. Nothing was imported.</source>
        <translation>Элемент {element} вне пространства имён PFIF 1.4. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: unknown field {field}. Nothing was imported.</source>
        <translation>PFIF {record}: неизвестное поле {field}. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} appears twice. Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} встречается дважды. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} holds elements. Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} содержит элементы. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} is too long (at most {limit} characters). Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} слишком длинное (не более {limit} символов). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the required field {field} is missing. Nothing was imported.</source>
        <translation>PFIF {record}: нет обязательного поля {field}. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: {field} is not of the form domain/identifier. Nothing was imported.</source>
        <translation>PFIF {record}: {field} не имеет вида домен/идентификатор. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: {field} is not a UTC time (YYYY-MM-DDThh:mm:ssZ). Nothing was imported.</source>
        <translation>PFIF {record}: {field} не является временем UTC (YYYY-MM-DDThh:mm:ssZ). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the value of {field} is not allowed. Nothing was imported.</source>
        <translation>PFIF {record}: недопустимое значение поля {field}. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF: two {record} records have the same id. Nothing was imported.</source>
        <translation>PFIF: две записи {record} имеют одинаковый идентификатор. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF: a note names a person the file does not hold. Nothing was imported.</source>
        <translation>PFIF: заметка ссылается на человека, которого нет в файле. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>PFIF: more than {limit} records. Nothing was imported.</source>
        <translation>PFIF: более {limit} записей. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The list is too large (at most {limit}). Nothing was imported.</source>
        <translation>Список слишком велик (не более {limit}). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Lists are read as CSV, XLSX or PFIF. Nothing was imported.</source>
        <translation>Списки читаются в форматах CSV, XLSX или PFIF. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>A CSV list is read as UTF-8 or as Windows-1251 (cp1251). Nothing was imported.</source>
        <translation>Список CSV читается в кодировке UTF-8 или Windows-1251 (cp1251). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The CSV list is not UTF-8 text. If it was saved as Windows-1251, import it again choosing that encoding (--encoding cp1251). Nothing was imported.</source>
        <translation>Список CSV не является текстом UTF-8. Если он сохранён в Windows-1251, импортируйте снова, выбрав эту кодировку (--encoding cp1251). Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The file is not an XLSX workbook. Nothing was imported.</source>
        <translation>Файл не является книгой XLSX. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The list holds nobody with a name. Nothing was imported.</source>
        <translation>В списке нет ни одного человека с именем. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The list has more than {limit} columns. Nothing was imported.</source>
        <translation>В списке больше {limit} столбцов. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Line {line} of the list has a cell longer than {limit} characters. Nothing was imported.</source>
        <translation>В строке {line} списка есть ячейка длиннее {limit} символов. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The list has more than {limit} lines. Nothing was imported.</source>
        <translation>В списке больше {limit} строк. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The CSV list is damaged near line {line}. Nothing was imported.</source>
        <translation>Список CSV повреждён около строки {line}. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>The column mapping is not understood ({part}); write field=column, for example family=Прізвище.</source>
        <translation>Соответствие столбцов непонятно ({part}); пишите поле=столбец, например family=Фамилия.</translation>
    </message>
    <message>
        <source>The list has no column named {column}.</source>
        <translation>В списке нет столбца {column}.</translation>
    </message>
    <message>
        <source>Choose the column of the family name (or of the full name) before importing.</source>
        <translation>Перед импортом выберите столбец фамилии (или полного имени).</translation>
    </message>
    <message>
        <source>One column is chosen for two fields. Choose each column once.</source>
        <translation>Один столбец выбран для двух полей. Выберите каждый столбец только раз.</translation>
    </message>
    <message>
        <source>Line {line} repeats an id the list already used. Nothing was imported.</source>
        <translation>Строка {line} повторяет идентификатор, уже использованный в списке. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>There is no such list.</source>
        <translation>Такого списка нет.</translation>
    </message>
    <message>
        <source>{field}: say where to write it (a PDF, a CSV or the protection officer&apos;s file).</source>
        <translation>{field}: укажите, куда записать (PDF, CSV или файл для сотрудника по защите).</translation>
    </message>
    <message>
        <source>The list has no such line.</source>
        <translation>В списке нет такой строки.</translation>
    </message>
    <message>
        <source>A stored list does not open with this store&apos;s key: it was altered.</source>
        <translation>Сохранённый список не открывается ключом этого хранилища: он изменён.</translation>
    </message>
    <message>
        <source>The field {field} cannot be sent in a roster.</source>
        <translation>Поле {field} нельзя отправлять в реестре.</translation>
    </message>
    <message>
        <source>The roster file could not be written ({reason}).</source>
        <translation>Не удалось записать файл реестра ({reason}).</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator: it can no longer export bundles.</source>
        <translation>Координатор отозвал этот ноутбук: он больше не может экспортировать пакеты.</translation>
    </message>
    <message>
        <source>No transport with ID {id}.</source>
        <translation>Нет транспорта с ID {id}.</translation>
    </message>
    <message>
        <source>{id} is not on the passenger list of transport {transport}.</source>
        <translation>{id} нет в списке пассажиров транспорта {transport}.</translation>
    </message>
    <message>
        <source>The transport is full (seats: {capacity}): no one more can be assigned.</source>
        <translation>Транспорт заполнен (мест: {capacity}): больше никого назначить нельзя.</translation>
    </message>
    <message>
        <source>{field}: a whole number of seats, 1 to {max}.</source>
        <translation>{field}: целое число мест, от 1 до {max}.</translation>
    </message>
    <message>
        <source>{field}: write the date and time as DD.MM.YYYY HH:MM, such as 05.12.2026 08:00.</source>
        <translation>{field}: пишите дату и время как ДД.ММ.ГГГГ ЧЧ:ММ, например 05.12.2026 08:00.</translation>
    </message>
    <message>
        <source>{field}: letters, digits and hyphens only, such as 12 or 3A.</source>
        <translation>{field}: только буквы, цифры и дефисы, например 12 или 3A.</translation>
    </message>
    <message>
        <source>{field}: a passenger cannot be their own escort.</source>
        <translation>{field}: пассажир не может сопровождать сам себя.</translation>
    </message>
    <message>
        <source>Seat {seat} is already given to another passenger.</source>
        <translation>Место {seat} уже отдано другому пассажиру.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message numerus="yes">
        <source>%n people written to {path}.</source>
        <translation>
            <numerusform>%n человек записан в {path}.</numerusform>
            <numerusform>%n человека записано в {path}.</numerusform>
            <numerusform>%n человек записано в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file will hold personal data of the people who consented to tracing. Keep it only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Файл будет содержать персональные данные людей, согласившихся на розыск. Храните его только там, где это необходимо, шифруйте, где возможно, и удалите, когда он выполнит своё назначение.</translation>
    </message>
    <message>
        <source>The file will hold personal data of every person the filters keep. Keep it only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Файл будет содержать персональные данные всех людей, которых оставляют фильтры. Храните его только там, где это необходимо, шифруйте, где возможно, и удалите, когда он выполнит своё назначение.</translation>
    </message>
    <message>
        <source>registered {start} to {end}</source>
        <translation>зарегистрированы с {start} по {end}</translation>
    </message>
    <message>
        <source>Everyone (the roster&apos;s filters)</source>
        <translation>Все (фильтры списка)</translation>
    </message>
    <message>
        <source>Export people</source>
        <translation>Экспорт людей</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Таблица CSV</translation>
    </message>
    <message>
        <source>XLSX workbook</source>
        <translation>Книга XLSX</translation>
    </message>
    <message>
        <source>PFIF 1.4 (family tracing)</source>
        <translation>PFIF 1.4 (розыск родных)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Год рождения</translation>
    </message>
    <message>
        <source>Any (on a transport or not)</source>
        <translation>Любой (на транспорте или нет)</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Без шифрования</translation>
    </message>
    <message>
        <source>Encrypted to a passphrase (age)</source>
        <translation>Зашифровано парольной фразой (age)</translation>
    </message>
    <message>
        <source>Encrypted to a recipient (age)</source>
        <translation>Зашифровано для получателя (age)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Формат</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>&amp;Encryption</source>
        <translation>&amp;Шифрование</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>П&amp;овторите</translation>
    </message>
    <message>
        <source>Re&amp;cipient (age1…)</source>
        <translation>По&amp;лучатель (age1…)</translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation>&amp;Транспорт</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспортировать…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Family name (Latin)</source>
        <translation>Фамилия (латиницей)</translation>
    </message>
    <message>
        <source>Given name (Latin)</source>
        <translation>Имя (латиницей)</translation>
    </message>
    <message>
        <source>Patronymic (Latin)</source>
        <translation>Отчество (латиницей)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Settlement of origin</source>
        <translation>Населённый пункт, откуда прибыли</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Тип документа</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потребности</translation>
    </message>
    <message>
        <source>Note on needs</source>
        <translation>Примечание о потребностях</translation>
    </message>
    <message>
        <source>Consent to data processing</source>
        <translation>Согласие на обработку данных</translation>
    </message>
    <message>
        <source>Consent to tracing</source>
        <translation>Согласие на розыск</translation>
    </message>
    <message>
        <source>Wishes to be evacuated</source>
        <translation>Желает эвакуироваться</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домохозяйство</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члены домохозяйства</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Reception point</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <source>ID prefix</source>
        <translation>Префикс ID</translation>
    </message>
    <message>
        <source>Kind of transport</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>Название или номер</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Border crossing</source>
        <translation>Пункт пересечения границы</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>Плановое отправление</translation>
    </message>
    <message>
        <source>Receiving party</source>
        <translation>Принимающая сторона</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Вместимость</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Assistance on the way</source>
        <translation>Помощь в пути</translation>
    </message>
    <message>
        <source>Escorting adult</source>
        <translation>Сопровождающий взрослый</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Choose the store folder</source>
        <translation>Выберите папку хранилища</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>The two network passphrases differ.</source>
        <translation>Две парольные фразы сети различаются.</translation>
    </message>
    <message>
        <source>Group {number} does not match the key. Look at what you wrote down, or show the key again.</source>
        <translation>Группа {number} не совпадает с ключом. Проверьте записанное или покажите ключ ещё раз.</translation>
    </message>
    <message>
        <source>Welcome to fieldreg</source>
        <translation>Добро пожаловать в fieldreg</translation>
    </message>
    <message>
        <source>There is no store on this laptop yet. Create one to start registering people, or open a store folder that already exists.</source>
        <translation>На этом ноутбуке ещё нет хранилища. Создайте его, чтобы начать регистрировать людей, или откройте папку существующего хранилища.</translation>
    </message>
    <message>
        <source>&amp;Create a new store</source>
        <translation>&amp;Создать новое хранилище</translation>
    </message>
    <message>
        <source>It will be kept in: {folder}</source>
        <translation>Оно будет храниться здесь: {folder}</translation>
    </message>
    <message>
        <source>Create a coordinator &amp;hub</source>
        <translation>Создать &amp;координационный центр</translation>
    </message>
    <message>
        <source>For the coordinator&apos;s computer: it creates the network that reception laptops enroll in, and imports their work.</source>
        <translation>Для компьютера координатора: создаёт сеть, к которой подключаются ноутбуки пунктов приёма, и импортирует их работу.</translation>
    </message>
    <message>
        <source>&amp;Open an existing store folder…</source>
        <translation>&amp;Открыть папку существующего хранилища…</translation>
    </message>
    <message>
        <source>Or a coordinator&apos;s store on a ser&amp;ver:</source>
        <translation>Или хранилище координатора на с&amp;ервере:</translation>
    </message>
    <message>
        <source>Address of the store&apos;s PostgreSQL server</source>
        <translation>Адрес сервера PostgreSQL с хранилищем</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://пользователь@сервер/база</translation>
    </message>
    <message>
        <source>Open the server&apos;s store</source>
        <translation>Открыть хранилище на сервере</translation>
    </message>
    <message>
        <source>The password is not part of the address: the server&apos;s own authentication supplies it (~/.pgpass, or peer on the server&apos;s own computer), or, if the server asks for one, type it in the field that then appears.</source>
        <translation>Пароль не входит в адрес: его предоставляет аутентификация самого сервера (~/.pgpass или peer на компьютере сервера), или, если сервер его запросит, введите его в появившееся поле.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Запрос к серверу…</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>Создание хранилища</translation>
    </message>
    <message>
        <source>Create the coordinator hub</source>
        <translation>Создание координационного центра</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters that you can type without looking, such as four unrelated words. Everyone who uses this laptop after you will need it, or a passphrase of their own.</source>
        <translation>Выберите парольную фразу не короче 10 символов, которую сможете набрать не подглядывая, например четыре не связанных между собой слова. Она понадобится каждому, кто будет работать на этом ноутбуке после вас, если у него не будет своей.</translation>
    </message>
    <message>
        <source>The network passphrase is a second, different one: it protects the network&apos;s signing key and is asked for only to enroll, revoke or recover a laptop.</source>
        <translation>Парольная фраза сети — вторая, другая: она защищает ключ подписи сети, и её спрашивают только для подключения, отзыва или восстановления ноутбука.</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Координационный центр</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольная фраза сети</translation>
    </message>
    <message>
        <source>Repeat the network passphrase</source>
        <translation>Повторите парольную фразу сети</translation>
    </message>
    <message>
        <source>&amp;Reception point</source>
        <translation>П&amp;ункт приёма</translation>
    </message>
    <message>
        <source>&amp;Hub</source>
        <translation>&amp;Координационный центр</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ваше &amp;имя</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat it</source>
        <translation>Пов&amp;торите её</translation>
    </message>
    <message>
        <source>Ne&amp;twork passphrase</source>
        <translation>Парольная фраза &amp;сети</translation>
    </message>
    <message>
        <source>Repeat the net&amp;work passphrase</source>
        <translation>Повторите фразу с&amp;ети</translation>
    </message>
    <message>
        <source>e.g. Regional coordination, Lviv</source>
        <translation>напр. Областная координация, Львов</translation>
    </message>
    <message>
        <source>e.g. School 5, gym</source>
        <translation>напр. Школа 5, спортзал</translation>
    </message>
    <message>
        <source>a first name or a call sign</source>
        <translation>имя или позывной</translation>
    </message>
    <message>
        <source>C&amp;reate the store</source>
        <translation>Создать &amp;хранилище</translation>
    </message>
    <message>
        <source>C&amp;reate the hub</source>
        <translation>Создать &amp;центр</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Creating the network&apos;s keys and the hub&apos;s store, protected by your passphrases…</source>
        <translation>Создаём ключи сети и хранилище центра, защищённые вашими парольными фразами…</translation>
    </message>
    <message>
        <source>Creating the store and protecting it with your passphrase…</source>
        <translation>Создаём хранилище и защищаем его вашей парольной фразой…</translation>
    </message>
    <message>
        <source>Write down the recovery key</source>
        <translation>Запишите ключ восстановления</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, this key is the only way to open the store. Write it on paper now and keep it apart from this computer. It is shown only once and is not kept here.</source>
        <translation>Если все парольные фразы забыты, только этот ключ откроет хранилище. Запишите его на бумаге сейчас и храните отдельно от этого компьютера. Он показан только один раз и здесь не хранится.</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, this key is the only way to open the store. Write it on paper now and give it to your coordinator. It is shown only once and is not kept on this laptop.</source>
        <translation>Если все парольные фразы забыты, только этим ключом можно открыть хранилище. Запишите его на бумаге сейчас и передайте координатору. Ключ показан только один раз, на ноутбуке он не хранится.</translation>
    </message>
    <message>
        <source>Network fingerprint (read it out to every laptop that enrolls): {fingerprint}</source>
        <translation>Отпечаток сети (прочитайте его вслух каждому подключающемуся ноутбуку): {fingerprint}</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <source>I have &amp;written it down</source>
        <translation>Я &amp;записал(а) ключ</translation>
    </message>
    <message>
        <source>Check what you wrote down</source>
        <translation>Проверьте записанное</translation>
    </message>
    <message>
        <source>Type two groups of the key from your paper, to be sure it is right.</source>
        <translation>Наберите две группы ключа со своей записи, чтобы убедиться, что он верный.</translation>
    </message>
    <message>
        <source>Group &amp;{number}</source>
        <translation>Группа &amp;{number}</translation>
    </message>
    <message>
        <source>Group {number} of the recovery key</source>
        <translation>Группа {number} ключа восстановления</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Далее</translation>
    </message>
    <message>
        <source>&amp;Show the key again</source>
        <translation>&amp;Показать ключ ещё раз</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>HomePoints</name>
    <message>
        <source>from {point}</source>
        <translation>из пункта {point}</translation>
    </message>
</context>
<context>
    <name>HouseholdLinks</name>
    <message>
        <source>Not in a household.</source>
        <translation>Не входит в домохозяйство.</translation>
    </message>
    <message numerus="yes">
        <source>Household %1, %n members</source>
        <translation>
            <numerusform>Домохозяйство %1, %n человек</numerusform>
            <numerusform>Домохозяйство %1, %n человека</numerusform>
            <numerusform>Домохозяйство %1, %n человек</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Register a household</source>
        <translation>Регистрация домохозяйства</translation>
    </message>
    <message>
        <source>&amp;Members (Enter: edit, Delete: remove)</source>
        <translation>&amp;Члены (Enter — изменить, Delete — удалить)</translation>
    </message>
    <message>
        <source>Scan a band or type an ID to add a registered person</source>
        <translation>Отсканируйте браслет или наберите ID, чтобы добавить зарегистрированного человека</translation>
    </message>
    <message>
        <source>Band or ID</source>
        <translation>Браслет или ID</translation>
    </message>
    <message>
        <source>Alt+B</source>
        <translation>Alt+B</translation>
    </message>
    <message>
        <source>Save household (Ctrl+Enter)</source>
        <translation>Сохранить домохозяйство (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Type a member, or press Ctrl+Enter to save.</source>
        <translation>Введите члена домохозяйства или нажмите Ctrl+Enter, чтобы сохранить.</translation>
    </message>
    <message>
        <source>Add or clear the member being typed first.</source>
        <translation>Сначала добавьте или очистите вводимого члена.</translation>
    </message>
    <message>
        <source>A registered person is edited on their own page.</source>
        <translation>Зарегистрированного человека изменяют на его собственной странице.</translation>
    </message>
    <message>
        <source>This person is already in the household.</source>
        <translation>Этот человек уже есть в домохозяйстве.</translation>
    </message>
    <message>
        <source>Add at least one member.</source>
        <translation>Добавьте хотя бы одного члена.</translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <source>Hub</source>
        <translation>Хаб</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>Адрес &amp;хаба</translation>
    </message>
    <message>
        <source>host:port, empty: sync by files only</source>
        <translation>хост:порт; пусто — синхронизация только файлами</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Адрес хаба</translation>
    </message>
    <message>
        <source>Hub &amp;certificate</source>
        <translation>&amp;Сертификат хаба</translation>
    </message>
    <message>
        <source>SHA-256 the coordinator reads out</source>
        <translation>SHA-256, который зачитывает координатор</translation>
    </message>
    <message>
        <source>Hub certificate fingerprint</source>
        <translation>Отпечаток сертификата хаба</translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>Hub: syncing…</source>
        <translation>Хаб: синхронизация…</translation>
    </message>
    <message>
        <source>Hub: {reason}</source>
        <translation>Хаб: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Hub not reachable ({time}); %n bundles waiting</source>
        <translation>
            <numerusform>Хаб недоступен ({time}); пакетов в ожидании: %n</numerusform>
            <numerusform>Хаб недоступен ({time}); пакетов в ожидании: %n</numerusform>
            <numerusform>Хаб недоступен ({time}); пакетов в ожидании: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hub: synced at {time}, %n bundles sent</source>
        <translation>
            <numerusform>Хаб: синхронизировано в {time}, отправлено пакетов: %n</numerusform>
            <numerusform>Хаб: синхронизировано в {time}, отправлено пакетов: %n</numerusform>
            <numerusform>Хаб: синхронизировано в {time}, отправлено пакетов: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} refused</source>
        <translation>, отклонено: {count}</translation>
    </message>
    <message>
        <source>, roster {version} applied</source>
        <translation>, применён реестр {version}</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>Last import: files {files} · imported {imported} · rejected {rejected} · people in conflict {conflicts}</source>
        <translation>Последний импорт: файлов {files} · импортировано {imported} · отклонено {rejected} · людей в конфликте {conflicts}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новых</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Результаты импорта</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Уже импортировано: ничего не изменилось.</translation>
    </message>
    <message>
        <source>Held until the bundle before it arrives.</source>
        <translation>Отложено, пока не придёт предыдущий пакет.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Импортировано.</translation>
    </message>
    <message>
        <source>Events that were here already: {known}.</source>
        <translation>Событий, которые уже были здесь: {known}.</translation>
    </message>
    <message>
        <source>Held bundles applied too: {count}.</source>
        <translation>Также применено отложенных пакетов: {count}.</translation>
    </message>
    <message>
        <source>People in conflict: {count}.</source>
        <translation>Людей в конфликте: {count}.</translation>
    </message>
    <message>
        <source>Rejected, moved to quarantine: {reason}</source>
        <translation>Отклонено и перемещено в карантин: {reason}</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Отклонено: {reason}</translation>
    </message>
    <message>
        <source>A held bundle was rejected: {reason}</source>
        <translation>Отложенный пакет отклонён: {reason}</translation>
    </message>
</context>
<context>
    <name>KinshipWarning</name>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>A spouse or partner under 16: check the relationship.</source>
        <translation>Мужу, жене или партнёру меньше 16 лет: проверьте, кем приходится.</translation>
    </message>
    <message>
        <source>A child of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Ребёнок главы родился в {member} г., а глава — в {head} г.: проверьте, кем приходится.</translation>
    </message>
    <message>
        <source>A grandchild of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Внук или внучка главы родились в {member} г., а глава — в {head} г.: проверьте, кем приходится.</translation>
    </message>
    <message>
        <source>A parent of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Отец или мать главы родились в {member} г., а глава — в {head} г.: проверьте, кем приходится.</translation>
    </message>
    <message>
        <source>A grandparent of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Дедушка или бабушка главы родились в {member} г., а глава — в {head} г.: проверьте, кем приходится.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Arrived</source>
        <translation>Прибыл(а)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <translation>Направлен(а) к врачу</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Уехал(а)</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Передан(а)</translation>
    </message>
    <message>
        <source>Reunited</source>
        <translation>Воссоединён(а) с родными</translation>
    </message>
    <message>
        <source>Left on own</source>
        <translation>Ушёл (ушла) самостоятельно</translation>
    </message>
    <message>
        <source>Arrived</source>
        <comment>status, female</comment>
        <translation>Прибыла</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>status, female</comment>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <comment>status, female</comment>
        <translation>Направлена к врачу</translation>
    </message>
    <message>
        <source>Departed</source>
        <comment>status, female</comment>
        <translation>Уехала</translation>
    </message>
    <message>
        <source>Handed over</source>
        <comment>status, female</comment>
        <translation>Передана</translation>
    </message>
    <message>
        <source>Reunited</source>
        <comment>status, female</comment>
        <translation>Воссоединена с родными</translation>
    </message>
    <message>
        <source>Left on own</source>
        <comment>status, female</comment>
        <translation>Ушла самостоятельно</translation>
    </message>
    <message>
        <source>Arrived</source>
        <comment>status, male</comment>
        <translation>Прибыл</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>status, male</comment>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <comment>status, male</comment>
        <translation>Направлен к врачу</translation>
    </message>
    <message>
        <source>Departed</source>
        <comment>status, male</comment>
        <translation>Уехал</translation>
    </message>
    <message>
        <source>Handed over</source>
        <comment>status, male</comment>
        <translation>Передан</translation>
    </message>
    <message>
        <source>Reunited</source>
        <comment>status, male</comment>
        <translation>Воссоединён с родными</translation>
    </message>
    <message>
        <source>Left on own</source>
        <comment>status, male</comment>
        <translation>Ушёл самостоятельно</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Медицинская помощь</translation>
    </message>
    <message>
        <source>Mobility</source>
        <translation>Ограниченная подвижность</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Беременность</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Инвалидность</translation>
    </message>
    <message>
        <source>Elderly, alone</source>
        <translation>Пожилой человек без сопровождения</translation>
    </message>
    <message>
        <source>Unaccompanied child</source>
        <translation>Ребёнок без сопровождения</translation>
    </message>
    <message>
        <source>Separated child</source>
        <translation>Ребёнок, разлучённый с родителями</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Глава домохозяйства</translation>
    </message>
    <message>
        <source>Spouse or partner</source>
        <translation>Муж, жена или партнёр</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Отец или мать</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Брат или сестра</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Внук или внучка</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Дедушка или бабушка</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Другой родственник</translation>
    </message>
    <message>
        <source>Not related</source>
        <translation>Не родственник</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Ещё не решил(а)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другой</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>same ID</source>
        <translation>тот же ID</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>то же имя</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>похожее написание</translation>
    </message>
    <message>
        <source>name begins the same</source>
        <translation>имя начинается так же</translation>
    </message>
    <message>
        <source>a name differs</source>
        <translation>одно из имён отличается</translation>
    </message>
    <message>
        <source>written in another alphabet</source>
        <translation>написано другим алфавитом</translation>
    </message>
    <message>
        <source>names in another order</source>
        <translation>имена в другом порядке</translation>
    </message>
    <message>
        <source>some names not compared</source>
        <translation>не все имена сравнены</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>та же дата рождения</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>тот же год рождения</translation>
    </message>
    <message>
        <source>born a year apart</source>
        <translation>годы рождения отличаются на один</translation>
    </message>
    <message>
        <source>no date of birth on record</source>
        <translation>дата рождения не записана</translation>
    </message>
    <message>
        <source>The person asked to be erased</source>
        <translation>Человек попросил удалить его данные</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Зарегистрировано по ошибке</translation>
    </message>
    <message>
        <source>Duplicate of an erased person</source>
        <translation>Дубликат удалённой записи</translation>
    </message>
    <message>
        <source>Keeping the record puts the person at risk</source>
        <translation>Хранение записи подвергает человека опасности</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован(а)</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Изменён статус</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Добавлено примечание</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <translation>Добавлен(а) в домохозяйство</translation>
    </message>
    <message>
        <source>Left the household</source>
        <translation>Исключён(а) из домохозяйства</translation>
    </message>
    <message>
        <source>Band printed</source>
        <translation>Напечатан браслет</translation>
    </message>
    <message>
        <source>Band voided</source>
        <translation>Браслет аннулирован</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Записано согласие</translation>
    </message>
    <message>
        <source>Marked as duplicate</source>
        <translation>Отмечено как повтор</translation>
    </message>
    <message>
        <source>Duplicate mark removed</source>
        <translation>Отметка повтора снята</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>Purged from this laptop (retention)</source>
        <translation>Данные удалены с этого ноутбука (срок хранения)</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>status, female</comment>
        <translation>Зарегистрирована</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>status, male</comment>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <comment>female</comment>
        <translation>Добавлена в домохозяйство</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <comment>male</comment>
        <translation>Добавлен в домохозяйство</translation>
    </message>
    <message>
        <source>Left the household</source>
        <comment>female</comment>
        <translation>Исключена из домохозяйства</translation>
    </message>
    <message>
        <source>Left the household</source>
        <comment>male</comment>
        <translation>Исключён из домохозяйства</translation>
    </message>
    <message>
        <source>The list&apos;s own id</source>
        <translation>Идентификатор в списке</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Full name (family name first)</source>
        <translation>Полное имя (сначала фамилия)</translation>
    </message>
    <message>
        <source>Date or year of birth</source>
        <translation>Дата или год рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Место происхождения</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Автобус</translation>
    </message>
    <message>
        <source>Convoy</source>
        <translation>Колонна</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поезд</translation>
    </message>
    <message>
        <source>Other transport</source>
        <translation>Другой транспорт</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Коляска</translation>
    </message>
    <message>
        <source>Stretcher</source>
        <translation>Носилки</translation>
    </message>
    <message>
        <source>Medical escort</source>
        <translation>Медицинское сопровождение</translation>
    </message>
</context>
<context>
    <name>ListMappingDialog</name>
    <message>
        <source>Columns of the list</source>
        <translation>Столбцы списка</translation>
    </message>
    <message>
        <source>Check which column holds what. Nothing is imported until you confirm.</source>
        <translation>Проверьте, что содержит каждый столбец. Ничего не импортируется, пока вы не подтвердите.</translation>
    </message>
    <message>
        <source>(not in the list)</source>
        <translation>(нет в списке)</translation>
    </message>
    <message>
        <source>Choose the column of the family name (or of the full name).</source>
        <translation>Выберите столбец фамилии (или полного имени).</translation>
    </message>
    <message>
        <source>Choose each column for one field only.</source>
        <translation>Выберите каждый столбец только для одного поля.</translation>
    </message>
</context>
<context>
    <name>ListReview</name>
    <message>
        <source>The list seeks</source>
        <translation>Список ищет</translation>
    </message>
    <message>
        <source>We registered</source>
        <translation>Мы зарегистрировали</translation>
    </message>
    <message>
        <source>The same person (Y)</source>
        <translation>Тот же человек (Y)</translation>
    </message>
    <message>
        <source>Not this person (N)</source>
        <translation>Не этот человек (N)</translation>
    </message>
    <message>
        <source>Next (Space)</source>
        <translation>Дальше (Пробел)</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Нечего просматривать.</translation>
    </message>
    <message>
        <source>Entry {entry} of {entries}, candidate {candidate} of {candidates}</source>
        <translation>Запись {entry} из {entries}, кандидат {candidate} из {candidates}</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>вероятно</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>возможно</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists of sought persons</source>
        <translation>Списки разыскиваемых лиц</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>Sought</source>
        <translation>Ищут</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Импортировать список…</translation>
    </message>
    <message>
        <source>Review (Enter)</source>
        <translation>Просмотреть (Enter)</translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation>Отчёт в &amp;PDF…</translation>
    </message>
    <message>
        <source>Report as &amp;CSV…</source>
        <translation>Отчёт в &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Internal protection file…</source>
        <translation>&amp;Внутренний файл для защиты…</translation>
    </message>
    <message>
        <source>INTERNAL protection file written: {withheld} found without consent. Never give it to the list&apos;s owner.</source>
        <translation>ВНУТРЕННИЙ файл для защиты записан: найдено без согласия — {withheld}. Никогда не передавайте его владельцу списка.</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Импортировать список</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx *.xml)</source>
        <translation>Списки (*.csv *.xlsx *.xml)</translation>
    </message>
    <message>
        <source>{count} sought persons imported.</source>
        <translation>Импортировано разыскиваемых лиц: {count}.</translation>
    </message>
    <message>
        <source>Report written: {found} found and named, {withheld} counted only.</source>
        <translation>Отчёт записан: найдено и названо {found}, только подсчитано {withheld}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No Coordinator page on this laptop</source>
        <translation>На этом ноутбуке нет страницы «Координатор»</translation>
    </message>
    <message>
        <source>This store is a reception point&apos;s. Bundles are imported at a coordinator hub, a store created with “Create a coordinator hub” on its first run. This laptop hands its work over on the Sync page (Ctrl+Shift+S).</source>
        <translation>Это хранилище пункта приёма. Пакеты импортируют в координационном центре — хранилище, созданном кнопкой «Создать координационный центр» при первом запуске. Этот ноутбук передаёт свою работу на странице «Синхронизация» (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>No Sync page at a coordinator hub</source>
        <translation>В координационном центре нет страницы «Синхронизация»</translation>
    </message>
    <message>
        <source>This store is a coordinator hub: the laptops&apos; bundles are imported, and the roster sent back, on the Coordinator page (Ctrl+Shift+I).</source>
        <translation>Это хранилище координационного центра: пакеты ноутбуков импортируют, а список отправляют обратно на странице «Координатор» (Ctrl+Shift+I).</translation>
    </message>
    <message>
        <source>Saved: {ids}</source>
        <translation>Сохранено: {ids}</translation>
    </message>
    <message>
        <source>fieldreg: registration desk</source>
        <translation>fieldreg: пункт регистрации</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Навигация</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Register person</source>
        <translation>Зарегистрировать человека</translation>
    </message>
    <message>
        <source>Register household</source>
        <translation>Зарегистрировать домохозяйство</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Sought lists</source>
        <translation>Списки розыска</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>Boarding</source>
        <translation>Посадка</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>Member %1</source>
        <translation>Член %1</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Выберите…</translation>
    </message>
    <message>
        <source>Copy from first member (Ctrl+D)</source>
        <translation>Скопировать у первого члена (Ctrl+D)</translation>
    </message>
    <message>
        <source>Family name, origin, phone and languages</source>
        <translation>Фамилия, происхождение, телефон и языки</translation>
    </message>
    <message>
        <source>Add member (Enter)</source>
        <translation>Добавить члена (Enter)</translation>
    </message>
</context>
<context>
    <name>MembersTable</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рождение</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Кем приходится</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члены</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>зарегистрирован(а) как %1</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <source>there is no such folder or file</source>
        <translation>такой папки или файла нет</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>часть пути — не папка</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>a file of that name is already there</source>
        <translation>файл с таким именем уже есть</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>доступ запрещён</translation>
    </message>
    <message>
        <source>the system does not allow it</source>
        <translation>система этого не позволяет</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>квота на диске исчерпана</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск только для чтения</translation>
    </message>
    <message>
        <source>the disk or stick reported a read or write error</source>
        <translation>диск или флешка сообщили об ошибке чтения или записи</translation>
    </message>
    <message>
        <source>the device is not there (unplugged?)</source>
        <translation>устройства нет (отключено?)</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>имя слишком длинное</translation>
    </message>
    <message>
        <source>the file or device is in use</source>
        <translation>файл или устройство занято</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>открыто слишком много файлов</translation>
    </message>
</context>
<context>
    <name>PairFields</name>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рождение</translation>
    </message>
    <message>
        <source>{field}: the same</source>
        <translation>{field}: совпадает</translation>
    </message>
    <message>
        <source>{field}: another spelling ({ours} / {theirs})</source>
        <translation>{field}: другое написание ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: {ours} = {theirs}</source>
        <translation>{field}: {ours} = {theirs}</translation>
    </message>
    <message>
        <source>{field}: the initial {theirs} fits {ours}</source>
        <translation>{field}: инициал {theirs} подходит к {ours}</translation>
    </message>
    <message>
        <source>{field}: almost alike ({ours} / {theirs})</source>
        <translation>{field}: почти совпадает ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: different ({ours} / {theirs})</source>
        <translation>{field}: различается ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: recorded on one side only ({known})</source>
        <translation>{field}: записано только в одной записи ({known})</translation>
    </message>
    <message>
        <source>{field}: the same year ({ours} / {theirs})</source>
        <translation>{field}: тот же год ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: a year apart ({ours} / {theirs})</source>
        <translation>{field}: разница в год ({ours} / {theirs})</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Origin and documents</source>
        <translation>Происхождение и документы</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потребности</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <source>Latin (Alt+L)</source>
        <translation>Латиницей (Alt+L)</translation>
    </message>
    <message>
        <source>uk, ru, en</source>
        <translation>uk, ru, en</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Не записано</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Не спрашивали</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* обязательно</translation>
    </message>
    <message>
        <source>A date, a year, or ~age</source>
        <translation>Дата, год или ~возраст</translation>
    </message>
    <message>
        <source>Not understood yet</source>
        <translation>Пока непонятно</translation>
    </message>
    <message>
        <source>Estimated: born about %1</source>
        <translation>Приблизительно: родился(-лась) около %1</translation>
    </message>
    <message>
        <source>Year only: %1</source>
        <translation>Только год: %1</translation>
    </message>
    <message>
        <source>Exact date: %1</source>
        <translation>Точная дата: %1</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Edit (Ctrl+E)</source>
        <translation>Изменить (Ctrl+E)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Request erasure…</source>
        <translation>Запросить удаление…</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сохранить (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Alt+N: type a note, then Enter</source>
        <translation>Alt+N: наберите примечание, затем Enter</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Новое примечание</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить примечание</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Bands: %1</source>
        <translation>Браслеты: %1</translation>
    </message>
    <message>
        <source>Same person as %1</source>
        <translation>Тот же человек, что и %1</translation>
    </message>
    <message>
        <source>Erasure of {id} requested: another operator confirms it on the Coordinator page (Erasures tab).</source>
        <translation>Удаление {id} запрошено: другой оператор подтверждает его на странице «Координатор» (вкладка «Удаления»).</translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <source>Wristband, adult (25 × 254 mm), 203 dpi</source>
        <translation>Браслет взрослый (25 × 254 мм), 203 dpi</translation>
    </message>
    <message>
        <source>Wristband, adult (25 × 254 mm), 300 dpi</source>
        <translation>Браслет взрослый (25 × 254 мм), 300 dpi</translation>
    </message>
    <message>
        <source>Wristband, child (25 × 178 mm), 203 dpi</source>
        <translation>Браслет детский (25 × 178 мм), 203 dpi</translation>
    </message>
    <message>
        <source>Wristband, child (25 × 178 mm), 300 dpi</source>
        <translation>Браслет детский (25 × 178 мм), 300 dpi</translation>
    </message>
    <message>
        <source>A4 sheet of 24 tags (70 × 37 mm)</source>
        <translation>Лист A4 на 24 бирки (70 × 37 мм)</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Год рождения</translation>
    </message>
    <message>
        <source>Needs mark (a black “!”: ask about needs)</source>
        <translation>Отметка потребностей (чёрный «!»: спросить о потребностях)</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Save the labels as PDF</source>
        <translation>Сохранить этикетки в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Type where to save the PDF, or Browse.</source>
        <translation>Укажите, куда сохранить PDF, или нажмите «Обзор».</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Готовим предварительный просмотр…</translation>
    </message>
    <message>
        <source>For: {ids}</source>
        <translation>Для: {ids}</translation>
    </message>
    <message>
        <source>Bands to be issued: {bands}.</source>
        <translation>Будут выданы браслеты: {bands}.</translation>
    </message>
    <message>
        <source>Tags are for belongings and documents; they are not recorded.</source>
        <translation>Бирки — для вещей и документов; они не регистрируются.</translation>
    </message>
    <message>
        <source>Child bands ({stock}) for: {ids}.</source>
        <translation>Детские браслеты ({stock}) для: {ids}.</translation>
    </message>
    <message>
        <source>The band now worn becomes void for: {ids}.</source>
        <translation>Браслет, который сейчас на руке, станет недействительным для: {ids}.</translation>
    </message>
    <message>
        <source>The preview shows {shown} of {total} pages.</source>
        <translation>Показано {shown} из {total} страниц.</translation>
    </message>
    <message>
        <source>Preview of page {number}</source>
        <translation>Предварительный просмотр страницы {number}</translation>
    </message>
    <message>
        <source>Print bands</source>
        <translation>Печать браслетов</translation>
    </message>
    <message>
        <source>Print tags for belongings</source>
        <translation>Печать бирок для вещей</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>&amp;Материал:</translation>
    </message>
    <message>
        <source>Print &amp;to:</source>
        <translation>&amp;Куда печатать:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Copies per person:</source>
        <translation>Копий на &amp;человека:</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Материал</translation>
    </message>
    <message>
        <source>Print to</source>
        <translation>Куда печатать</translation>
    </message>
    <message>
        <source>Another printer (system print dialog)…</source>
        <translation>Другой принтер (системное окно печати)…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Send as &amp;ZPL (thermal band printers)</source>
        <translation>Отправлять как &amp;ZPL (термопринтеры браслетов)</translation>
    </message>
    <message>
        <source>C&amp;hild bands for children under {age}</source>
        <translation>Детские браслеты для де&amp;тей младше {age} лет</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Файл PDF</translation>
    </message>
    <message>
        <source>For example ~/labels.pdf</source>
        <translation>Например, ~/labels.pdf</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>The PDF holds what the labels show, names included. It is written so that only you can read it: print it, then delete it; do not leave it on a shared stick.</source>
        <translation>PDF содержит то, что показывают метки, в том числе имена. Он записан так, что прочитать его можете только вы: распечатайте его, затем удалите; не оставляйте его на общей флешке.</translation>
    </message>
    <message>
        <source>Copies per person</source>
        <translation>Копий на человека</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Печатать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Printed. Bands issued: {bands}</source>
        <translation>Напечатано. Выданы браслеты: {bands}</translation>
    </message>
    <message>
        <source>Printed. Labels: {count}</source>
        <translation>Напечатано. Этикеток: {count}</translation>
    </message>
</context>
<context>
    <name>PrintSettingsBox</name>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Default &amp;stock</source>
        <translation>&amp;Материал по умолчанию</translation>
    </message>
    <message>
        <source>Default &amp;printer</source>
        <translation>&amp;Принтер по умолчанию</translation>
    </message>
    <message>
        <source>Labels show, besides the ID</source>
        <translation>Кроме ID, на этикетке</translation>
    </message>
    <message>
        <source>&amp;Tags per person</source>
        <translation>Бирок на &amp;человека</translation>
    </message>
    <message>
        <source>Default stock</source>
        <translation>Материал по умолчанию</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Принтер по умолчанию</translation>
    </message>
    <message>
        <source>None: choose when printing</source>
        <translation>Нет: выбрать при печати</translation>
    </message>
    <message>
        <source>Send bands as &amp;ZPL (thermal band printers)</source>
        <translation>Отправлять браслеты как &amp;ZPL (термопринтеры браслетов)</translation>
    </message>
    <message>
        <source>Tags per person</source>
        <translation>Бирок на человека</translation>
    </message>
    <message>
        <source>C&amp;hild band below the age of</source>
        <translation>&amp;Детский браслет, если возраст меньше</translation>
    </message>
    <message>
        <source>Child band below the age of</source>
        <translation>Детский браслет, если возраст меньше</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Family names, dates of birth, phone numbers and notes are never printed. The QR code holds only the ID.</source>
        <translation>Фамилии, даты рождения, номера телефонов и заметки никогда не печатаются. QR-код содержит только ID.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register a person</source>
        <translation>Регистрация человека</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сохранить (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Someone may be looking for this person: tell the coordinator.</source>
        <translation>Этого человека, возможно, кто-то ищет: сообщите координатору.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Written to {path}.</source>
        <translation>Записано в {path}.</translation>
    </message>
    <message>
        <source>INTERNAL, for the protection officer only: the file says which people found (their IDs and the list&apos;s references) did not consent to tracing. Never give it to the list&apos;s owner; encrypt it to the officer and delete it when it has served.</source>
        <translation>ВНУТРЕННИЙ, только для специалиста по защите: файл указывает, кто из найденных (их ID и ссылки списка) не согласился на розыск. Никогда не передавайте его владельцу списка; зашифруйте его для специалиста и удалите, когда он больше не нужен.</translation>
    </message>
    <message>
        <source>The report names the people found who consented to tracing, and where they are now. Keep the file only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Отчёт называет найденных людей, согласившихся на розыск, и где они сейчас. Храните файл только там, где нужно, шифруйте его, где можете, и удалите, когда он больше не нужен.</translation>
    </message>
    <message>
        <source>Answer to the list</source>
        <translation>Ответ на список</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Report for the list&apos;s owner (PDF)</source>
        <translation>Отчёт для владельца списка (PDF)</translation>
    </message>
    <message>
        <source>Report for the list&apos;s owner (CSV)</source>
        <translation>Отчёт для владельца списка (CSV)</translation>
    </message>
    <message>
        <source>INTERNAL: found without consent (CSV)</source>
        <translation>ВНУТРЕННИЙ: найденные без согласия (CSV)</translation>
    </message>
    <message>
        <source>&amp;Write…</source>
        <translation>&amp;Записать…</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>Purge now</source>
        <translation>Очистить сейчас</translation>
    </message>
    <message>
        <source>Remove the personal values of the people due ({count}) from this laptop now? The coordinator keeps their records; their ID will say the record moved to the coordinator, and a later roster brings them back if they return.</source>
        <translation>Удалить с этого ноутбука персональные данные людей, срок которых наступил ({count})? Координатор хранит их записи; по их ID будет видно, что запись передана координатору, а следующий сводный список вернёт их, если они вернутся.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Срок хранения</translation>
    </message>
    <message>
        <source>&amp;Purge now…</source>
        <translation>&amp;Очистить сейчас…</translation>
    </message>
    <message numerus="yes">
        <source>People to purge: {count} (left this point and acknowledged by the coordinator more than %n days ago)</source>
        <translation>
            <numerusform>Людей к очистке: {count} (покинули этот пункт и подтверждены координатором более %n дня назад)</numerusform>
            <numerusform>Людей к очистке: {count} (покинули этот пункт и подтверждены координатором более %n дней назад)</numerusform>
            <numerusform>Людей к очистке: {count} (покинули этот пункт и подтверждены координатором более %n дней назад)</numerusform>
        </translation>
    </message>
    <message>
        <source>Purged from this laptop: {count}.</source>
        <translation>Очищено с этого ноутбука: {count}.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a device</source>
        <translation>Отзыв устройства</translation>
    </message>
    <message>
        <source>Device {prefix} ({name}): its bundles will be accepted only up to the event below (0: none from now on). Do this for a lost or stolen laptop.</source>
        <translation>Устройство {prefix} ({name}): его пакеты будут приниматься только до указанного ниже события (0 — отныне ни одного). Так поступают с потерянным или украденным ноутбуком.</translation>
    </message>
    <message>
        <source>&amp;Accept events up to</source>
        <translation>Принимать события &amp;до</translation>
    </message>
    <message>
        <source>Accept events up to</source>
        <translation>Принимать события до</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Отозвать</translation>
    </message>
</context>
<context>
    <name>RosterBox</name>
    <message>
        <source>Open the roster from the coordinator</source>
        <translation>Открыть сводный список от координатора</translation>
    </message>
    <message>
        <source>Rosters (*.roster);;All files (*)</source>
        <translation>Сводные списки (*.roster);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Roster from the coordinator</source>
        <translation>Сводный список от координатора</translation>
    </message>
    <message>
        <source>Import &amp;roster…</source>
        <translation>Импортировать сводный &amp;список…</translation>
    </message>
    <message>
        <source>No roster applied yet. The coordinator writes one for this laptop; it brings the people registered at the other points.</source>
        <translation>Сводный список ещё не применён. Координатор записывает его для этого ноутбука; он приносит людей, зарегистрированных на других пунктах.</translation>
    </message>
    <message>
        <source>This roster has expired: people registered elsewhere since are missing. Ask the coordinator for a new one.</source>
        <translation>Срок действия этого сводного списка истёк: людей, зарегистрированных в других местах после него, здесь нет. Попросите у координатора новый.</translation>
    </message>
    <message>
        <source>This laptop has recorded nothing yet.</source>
        <translation>Этот ноутбук ещё ничего не записал.</translation>
    </message>
    <message>
        <source>It waits for changes {changes}.</source>
        <translation>Он ждёт изменения {changes}.</translation>
    </message>
    <message>
        <source>Changes {changes} are not exported yet.</source>
        <translation>Изменения {changes} ещё не экспортированы.</translation>
    </message>
    <message>
        <source>It holds 1 bundle until the missing changes arrive.</source>
        <translation>Он держит 1 пакет, пока не придут недостающие изменения.</translation>
    </message>
    <message>
        <source>The coordinator has everything this laptop recorded.</source>
        <translation>У координатора есть всё, что записал этот ноутбук.</translation>
    </message>
    <message>
        <source>The coordinator has everything this laptop recorded, up to {time}.</source>
        <translation>У координатора есть всё, что записал этот ноутбук, до {time}.</translation>
    </message>
    <message>
        <source>The coordinator has nothing from this laptop yet.</source>
        <translation>У координатора пока нет ничего от этого ноутбука.</translation>
    </message>
    <message>
        <source>The coordinator has everything up to {time}.</source>
        <translation>У координатора есть всё до {time}.</translation>
    </message>
    <message>
        <source>It waits for 1 bundle written since.</source>
        <translation>Он ждёт 1 пакет, записанный с тех пор.</translation>
    </message>
    <message numerus="yes">
        <source>It waits for %n bundles written since.</source>
        <translation>
            <numerusform>Он ждёт %n пакет, записанный с тех пор.</numerusform>
            <numerusform>Он ждёт %n пакета, записанных с тех пор.</numerusform>
            <numerusform>Он ждёт %n пакетов, записанных с тех пор.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It holds %n bundles until the missing changes arrive.</source>
        <translation>
            <numerusform>Он держит %n пакет, пока не придут недостающие изменения.</numerusform>
            <numerusform>Он держит %n пакета, пока не придут недостающие изменения.</numerusform>
            <numerusform>Он держит %n пакетов, пока не придут недостающие изменения.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes recorded since {time} are not exported yet.</source>
        <translation>Изменения, записанные после {time}, ещё не экспортированы.</translation>
    </message>
    <message>
        <source>Some changes are not exported yet.</source>
        <translation>Некоторые изменения ещё не экспортированы.</translation>
    </message>
    <message>
        <source>This laptop recorded changes 1–{last}.</source>
        <translation>Этот ноутбук записал изменения 1–{last}.</translation>
    </message>
    <message>
        <source>The coordinator has changes {changes}.</source>
        <translation>У координатора есть изменения {changes}.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Latin name</source>
        <translation>Латиницей</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рождение</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован(а)</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>E&amp;xport people…</source>
        <translation>Э&amp;кспорт людей…</translation>
    </message>
    <message>
        <source>Household ID</source>
        <translation>ID домохозяйства</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрированы</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Зарегистрированы с</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Зарегистрированы по</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Any need</source>
        <translation>Любая потребность</translation>
    </message>
    <message>
        <source>In a household</source>
        <translation>В домохозяйстве</translation>
    </message>
    <message>
        <source>Alone</source>
        <translation>Один (одна)</translation>
    </message>
    <message>
        <source>K7-0042-X</source>
        <translation>K7-0042-X</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Когда угодно</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>Между датами</translation>
    </message>
    <message>
        <source>People registered</source>
        <translation>Зарегистрированные люди</translation>
    </message>
    <message>
        <source>Shown: %1 of %2 · Registered today: %3 · Waiting: %4 · Departed: %5 · With needs: %6</source>
        <translation>Показано: %1 из %2 · Зарегистрировано сегодня: %3 · Ожидают: %4 · Уехали: %5 · С потребностями: %6</translation>
    </message>
</context>
<context>
    <name>RosterTexts</name>
    <message numerus="yes">
        <source>%n min old</source>
        <translation>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h old</source>
        <translation>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days old</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>expired on {when}</source>
        <translation>срок действия истёк {when}</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>истекает через %n мин</numerusform>
            <numerusform>истекает через %n мин</numerusform>
            <numerusform>истекает через %n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n h</source>
        <translation>
            <numerusform>истекает через %n ч</numerusform>
            <numerusform>истекает через %n ч</numerusform>
            <numerusform>истекает через %n ч</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>истекает через %n день</numerusform>
            <numerusform>истекает через %n дня</numerusform>
            <numerusform>истекает через %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster v{version} · {age} · {expiry}</source>
        <translation>Сводный список v{version} · {age} · {expiry}</translation>
    </message>
    <message numerus="yes">
        <source>Roster {version} applied: %Ln people added, {updated} updated, {erased} erased</source>
        <translation>
            <numerusform>Сводный список {version} применён: добавлено людей: %Ln, обновлено: {updated}, удалено: {erased}</numerusform>
            <numerusform>Сводный список {version} применён: добавлено людей: %Ln, обновлено: {updated}, удалено: {erased}</numerusform>
            <numerusform>Сводный список {version} применён: добавлено людей: %Ln, обновлено: {updated}, удалено: {erased}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n laptops revoked</source>
        <translation>
            <numerusform>; отозван %n ноутбук</numerusform>
            <numerusform>; отозвано %n ноутбука</numerusform>
            <numerusform>; отозвано %n ноутбуков</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster {version}, written {created}, valid until {expires}</source>
        <translation>Сводный список {version}, записан {created}, действует до {expires}</translation>
    </message>
</context>
<context>
    <name>RosterWriteDialog</name>
    <message>
        <source>Choose the folder for the rosters</source>
        <translation>Выберите папку для сводных списков</translation>
    </message>
    <message>
        <source>Rosters written: {files} ({size}) in {folder}</source>
        <translation>Записано сводных списков: {files} ({size}) в {folder}</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %Ln people, {size}</source>
        <translation>
            <numerusform>{file}: людей: %Ln, {size}</numerusform>
            <numerusform>{file}: людей: %Ln, {size}</numerusform>
            <numerusform>{file}: людей: %Ln, {size}</numerusform>
        </translation>
    </message>
    <message>
        <source>Write rosters</source>
        <translation>Записать сводные списки</translation>
    </message>
    <message>
        <source>One file per laptop, signed by the network and readable only by that laptop: the people merged here, revocations, erasures and what the coordinator has of the laptop&apos;s bundles. Carry each file to its laptop and import it on its Sync page.</source>
        <translation>Один файл на ноутбук, подписанный сетью и доступный для чтения только этому ноутбуку: люди, сведённые здесь, отзывы, удаления и то, что координатор получил из пакетов ноутбука. Отнесите каждый файл на его ноутбук и импортируйте на странице «Синхронизация».</translation>
    </message>
    <message>
        <source>&amp;Laptops (Space ticks or clears one)</source>
        <translation>&amp;Ноутбуки (пробел ставит или снимает отметку)</translation>
    </message>
    <message>
        <source>Laptops to write a roster for</source>
        <translation>Ноутбуки, для которых записать сводный список</translation>
    </message>
    <message>
        <source>&amp;Full rosters (everyone, not only what changed since each laptop&apos;s last one)</source>
        <translation>&amp;Полные сводные списки (все люди, а не только изменения после последнего списка каждого ноутбука)</translation>
    </message>
    <message>
        <source>&amp;Network passphrase (rosters are signed)</source>
        <translation>Парольная фраза &amp;сети (сводные списки подписываются)</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольная фраза сети</translation>
    </message>
    <message>
        <source>&amp;Write to a folder…</source>
        <translation>&amp;Записать в папку…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Saved. New ID: {ids}</source>
        <translation>Сохранено. Новый ID: {ids}</translation>
    </message>
    <message>
        <source>Saved. New IDs: {ids}</source>
        <translation>Сохранено. Новые ID: {ids}</translation>
    </message>
    <message>
        <source>Ctrl+P prints the bands of the whole household.</source>
        <translation>Ctrl+P — напечатать браслеты для всего домохозяйства.</translation>
    </message>
    <message>
        <source>Ctrl+P prints the band.</source>
        <translation>Ctrl+P — напечатать браслет.</translation>
    </message>
    <message>
        <source>⚠ Under 18, registered alone and not marked unaccompanied or separated: check who is with the child.</source>
        <translation>⚠ Младше 18 лет, зарегистрирован один и не отмечен как ребёнок без сопровождения или разлучённый с родителями: выясните, кто с ребёнком.</translation>
    </message>
    <message>
        <source>No one found. Check the spelling or register.</source>
        <translation>Никого не найдено. Проверьте написание или зарегистрируйте человека.</translation>
    </message>
    <message>
        <source>Found: {count}</source>
        <translation>Найдено: {count}</translation>
    </message>
    <message>
        <source>Register {name} (Ctrl+N)</source>
        <translation>Зарегистрировать: {name} (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find a person</source>
        <translation>&amp;Поиск человека</translation>
    </message>
    <message>
        <source>Name in any alphabet, ID, or scan a band</source>
        <translation>Имя любым алфавитом, ID или скан браслета</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Поиск человека</translation>
    </message>
    <message>
        <source>Type a name or an ID, or scan a band. Enter opens the person.</source>
        <translation>Наберите имя или ID либо отсканируйте браслет. Enter открывает человека.</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Найденные люди</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Latin spelling</source>
        <translation>Латиницей</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домохозяйство</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>initials fit</source>
        <translation>инициалы совпадают</translation>
    </message>
    <message>
        <source>typed with another keyboard layout</source>
        <translation>набрано в другой раскладке клавиатуры</translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <source>Pass&amp;word of the database server:</source>
        <translation>&amp;Пароль сервера базы данных:</translation>
    </message>
    <message>
        <source>Password of the database server</source>
        <translation>Пароль сервера базы данных</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Запрос к серверу…</translation>
    </message>
</context>
<context>
    <name>ServerPasswordScreen</name>
    <message>
        <source>Open the coordinator&apos;s store</source>
        <translation>Открыть хранилище координатора</translation>
    </message>
    <message>
        <source>Server: {address}</source>
        <translation>Сервер: {address}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;About fieldreg…</source>
        <translation>&amp;О программе fieldreg…</translation>
    </message>
    <message>
        <source>Hu&amp;b…</source>
        <translation>&amp;Хаб…</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Как в системе ({language})</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Loc&amp;k after no input for</source>
        <translation>&amp;Блокировать, если ничего не вводят</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Minutes without input before locking</source>
        <translation>Минут без ввода до блокировки</translation>
    </message>
    <message>
        <source>Locking hides everything personal until the passphrase is typed again. Unsaved input in a form is kept and comes back after unlocking.</source>
        <translation>Блокировка скрывает все персональные данные, пока снова не наберут парольную фразу. Несохранённый ввод в форме не теряется и возвращается после разблокировки.</translation>
    </message>
</context>
<context>
    <name>StatusButtons</name>
    <message>
        <source>Status (Alt+1 to 7):</source>
        <translation>Статус (Alt+1…7):</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>&amp;Transport *</source>
        <translation>&amp;Транспорт *</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Место</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Примечание</translation>
    </message>
    <message>
        <source>Bus 12, convoy 3, train 45</source>
        <translation>Автобус 12, колонна 3, поезд 45</translation>
    </message>
    <message>
        <source>⚠ A child under 18, not in a household and not marked as unaccompanied or separated. Check who the child leaves with, and write it in the note.</source>
        <translation>⚠ Ребёнок до 18 лет не в домохозяйстве и не отмечен как ребёнок без сопровождения или разлучённый с родителями. Выясните, с кем ребёнок уезжает, и запишите это в примечании.</translation>
    </message>
</context>
<context>
    <name>StrengthHint</name>
    <message>
        <source>Very weak</source>
        <translation>очень слабая</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>хорошая</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>сильная</translation>
    </message>
    <message>
        <source>Strength: type a passphrase of at least 10 characters</source>
        <translation>Надёжность: наберите парольную фразу не короче 10 символов</translation>
    </message>
    <message>
        <source>Strength: {word}</source>
        <translation>Надёжность: {word}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Save the enrollment request</source>
        <translation>Сохранить запрос на подключение</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open the coordinator&apos;s answer</source>
        <translation>Открыть ответ координатора</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick</source>
        <translation>Выберите папку или USB-флешку</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>This laptop in the network</source>
        <translation>Этот ноутбук в сети</translation>
    </message>
    <message>
        <source>Export to the coordinator</source>
        <translation>Экспорт для координатора</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Название этого ноутбука</translation>
    </message>
    <message>
        <source>Shown to the coordinator; usually the point&apos;s name</source>
        <translation>Его видит координатор; обычно это название пункта</translation>
    </message>
    <message>
        <source>Create an enrollment request…</source>
        <translation>Создать запрос на подключение…</translation>
    </message>
    <message>
        <source>Enrollment request</source>
        <translation>Запрос на подключение</translation>
    </message>
    <message>
        <source>Network fingerprint</source>
        <translation>Отпечаток сети</translation>
    </message>
    <message>
        <source>As read out by the coordinator (optional)</source>
        <translation>Как его зачитал координатор (необязательно)</translation>
    </message>
    <message>
        <source>Import the coordinator&apos;s answer…</source>
        <translation>Импортировать ответ координатора…</translation>
    </message>
    <message>
        <source>Export to a folder or USB stick…</source>
        <translation>Экспортировать в папку или на USB-флешку…</translation>
    </message>
    <message>
        <source>This is the coordinator&apos;s store: import bundles on the Coordinator page.</source>
        <translation>Это хранилище координатора: пакеты импортируются на странице «Координатор».</translation>
    </message>
    <message>
        <source>Enrolled. New IDs start with {prefix}.
Network: {network}
Network fingerprint: {fingerprint}</source>
        <translation>Подключено. Новые ID начинаются с {prefix}.
Сеть: {network}
Отпечаток сети: {fingerprint}</translation>
    </message>
    <message>
        <source>This laptop is not enrolled yet. Create an enrollment request and give the file (or the text below) to the coordinator, then import the answer file the coordinator gives back.</source>
        <translation>Этот ноутбук ещё не подключён к сети. Создайте запрос на подключение и передайте файл (или текст ниже) координатору, а затем импортируйте файл ответа, который он вернёт.</translation>
    </message>
    <message>
        <source>Enrollment request, saved to {path}:</source>
        <translation>Запрос на подключение, сохранённый в {path}:</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator: it can no longer export bundles. Ask the coordinator what to do with the records on it.</source>
        <translation>Координатор отозвал этот ноутбук: он больше не может экспортировать пакеты. Спросите координатора, что делать с записями на нём.</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator.</source>
        <translation>Координатор отозвал этот ноутбук.</translation>
    </message>
    <message>
        <source>Nothing can be exported: this laptop was revoked by the coordinator.</source>
        <translation>Ничего нельзя экспортировать: координатор отозвал этот ноутбук.</translation>
    </message>
    <message>
        <source>Enroll this laptop first: a bundle is signed with the certificate the coordinator&apos;s answer brings.</source>
        <translation>Сначала подключите ноутбук к сети: пакет подписывается сертификатом, который приходит в ответе координатора.</translation>
    </message>
    <message>
        <source>Everything is exported.</source>
        <translation>Всё экспортировано.</translation>
    </message>
    <message>
        <source>Not yet exported: people {people}, changes {events}.</source>
        <translation>Ещё не экспортировано: людей — {people}, изменений — {events}.</translation>
    </message>
    <message>
        <source>Exported and verified: each file was read back from the folder and its signature checked.</source>
        <translation>Экспортировано и проверено: каждый файл заново прочитан из папки и его подпись проверена.</translation>
    </message>
    <message>
        <source>{path} (events {first}–{last})</source>
        <translation>{path} (события {first}–{last})</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Ход выполнения</translation>
    </message>
</context>
<context>
    <name>TransportDialog</name>
    <message>
        <source>Plan a transport</source>
        <translation>Запланировать транспорт</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>DD.MM.YYYY HH:MM</source>
        <translation>ДД.ММ.ГГГГ ЧЧ:ММ</translation>
    </message>
</context>
<context>
    <name>TransportPage</name>
    <message>
        <source>boarded</source>
        <translation>сел(а)</translation>
    </message>
    <message>
        <source>boarded</source>
        <comment>female</comment>
        <translation>села</translation>
    </message>
    <message>
        <source>boarded</source>
        <comment>male</comment>
        <translation>сел</translation>
    </message>
    <message>
        <source>on this transport</source>
        <translation>на этом транспорте</translation>
    </message>
    <message>
        <source>No one found: nobody assigned.</source>
        <translation>Никто не найден: никто не назначен.</translation>
    </message>
    <message>
        <source>{name} has no household recorded.</source>
        <translation>Для {name} домохозяйство не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Assigned: %n</source>
        <translation>
            <numerusform>Назначено: %n</numerusform>
            <numerusform>Назначено: %n</numerusform>
            <numerusform>Назначено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} is already on this transport.</source>
        <translation>{name} уже на этом транспорте.</translation>
    </message>
    <message numerus="yes">
        <source>Taken off: %n</source>
        <translation>
            <numerusform>Снято: %n</numerusform>
            <numerusform>Снято: %n</numerusform>
            <numerusform>Снято: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
    <message numerus="yes">
        <source>The manifest holds personal data of %n people. Hand it only to the parties it names and delete copies that have served. Write it?</source>
        <translation>
            <numerusform>Список содержит персональные данные %n человека. Передавайте его только названным в нём сторонам и удаляйте ненужные копии. Записать?</numerusform>
            <numerusform>Список содержит персональные данные %n человек. Передавайте его только названным в нём сторонам и удаляйте ненужные копии. Записать?</numerusform>
            <numerusform>Список содержит персональные данные %n человек. Передавайте его только названным в нём сторонам и удаляйте ненужные копии. Записать?</numerusform>
        </translation>
    </message>
    <message>
        <source>Manifest written: {path}</source>
        <translation>Список записан: {path}</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>&amp;Plan a transport…</source>
        <translation>&amp;Запланировать транспорт…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <source>Boarded</source>
        <translation>Сели</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Помощь</translation>
    </message>
    <message>
        <source>&amp;Add (IDs or band scans):</source>
        <translation>&amp;Добавить (ID или сканы браслетов):</translation>
    </message>
    <message>
        <source>Sea&amp;t:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Назначить</translation>
    </message>
    <message>
        <source>Whole &amp;household</source>
        <translation>Всё &amp;домохозяйство</translation>
    </message>
    <message>
        <source>Take &amp;off</source>
        <translation>С&amp;нять</translation>
    </message>
    <message>
        <source>Manifest &amp;language:</source>
        <translation>&amp;Язык списка:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Украинский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Manifest &amp;PDF…</source>
        <translation>Список &amp;PDF…</translation>
    </message>
    <message>
        <source>Manifest &amp;CSV…</source>
        <translation>Список &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Find by name:</source>
        <translation>&amp;Поиск по имени:</translation>
    </message>
    <message>
        <source>Enter: assign the highlighted person; Shift+Enter: their whole household</source>
        <translation>Enter: назначить выделенного человека; Shift+Enter: всё его домохозяйство</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Год рождения</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домохозяйство</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{n} GB</source>
        <translation>{n} ГБ</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} Б</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Type your passphrase.</source>
        <translation>Наберите свою парольную фразу.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Открываем записи…</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Проверяем парольную фразу…</translation>
    </message>
    <message>
        <source>Choose your name and type your passphrase.</source>
        <translation>Выберите своё имя и наберите парольную фразу.</translation>
    </message>
    <message>
        <source>Locked because nobody used the program for a while. Unlock to go on where you were.</source>
        <translation>Заблокировано, потому что программой какое-то время не пользовались. Разблокируйте, чтобы продолжить с того места, где остановились.</translation>
    </message>
    <message>
        <source>Locked. Unlock to go on where you were.</source>
        <translation>Заблокировано. Разблокируйте, чтобы продолжить с того места, где остановились.</translation>
    </message>
    <message>
        <source>The store is ready. Unlock it with the passphrase you have just chosen.</source>
        <translation>Хранилище готово. Разблокируйте его парольной фразой, которую только что выбрали.</translation>
    </message>
    <message>
        <source>Locked. What was typed in an unsaved form is kept safely and comes back after unlocking.</source>
        <translation>Заблокировано. Введённое в несохранённую форму надёжно сохранено и вернётся после разблокировки.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировка</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use the &amp;recovery key</source>
        <translation>Забыли парольную фразу? Воспользуйтесь &amp;ключом восстановления</translation>
    </message>
    <message>
        <source>Type the recovery key written down when the store was created, and choose a new passphrase. The old passphrase stops working.</source>
        <translation>Наберите ключ восстановления, записанный при создании хранилища, и выберите новую парольную фразу. Старая парольная фраза перестанет действовать.</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>К&amp;люч восстановления</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Новая парольная фраза</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat it</source>
        <translation>Пов&amp;торите её</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Повторите новую парольную фразу</translation>
    </message>
    <message>
        <source>&amp;Set the new passphrase and unlock</source>
        <translation>&amp;Задать новую парольную фразу и разблокировать</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Н&amp;азад</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Разблокировка</translation>
    </message>
</context>
<context>
    <name>_NetworkDialog</name>
    <message>
        <source>&amp;Network passphrase</source>
        <translation>Парольная фраза &amp;сети</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольная фраза сети</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
</TS>
