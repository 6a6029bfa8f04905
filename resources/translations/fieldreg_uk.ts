<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About fieldreg</source>
        <translation>Про fieldreg</translation>
    </message>
    <message>
        <source>fieldreg: offline registration desk</source>
        <translation>fieldreg: пункт реєстрації без мережі</translation>
    </message>
    <message>
        <source>Version {version} (commit {commit}), Qt {qt}, Python {python}</source>
        <translation>Версія {version} (коміт {commit}), Qt {qt}, Python {python}</translation>
    </message>
    <message>
        <source>fieldreg is free software under the GNU General Public License, version 3 or later. It bundles the components below, each under its own licence; Qt and PySide6 are used under the GNU Lesser General Public License, version 3, and may be replaced by other builds of the same version.</source>
        <translation>fieldreg — вільна програма за ліцензією GNU General Public License версії 3 або новішої. До її складу входять наведені нижче компоненти, кожен за своєю ліцензією; Qt і PySide6 використано за ліцензією GNU Lesser General Public License версії 3, і їх можна замінити іншими збірками тієї самої версії.</translation>
    </message>
    <message>
        <source>&amp;Bundled components</source>
        <translation>&amp;Компоненти у складі</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Компоненти у складі програми та їхні ліцензії</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Ліцензія</translation>
    </message>
    <message>
        <source>not stated in its metadata</source>
        <translation>не зазначено в його метаданих</translation>
    </message>
</context>
<context>
    <name>AlreadyRegistered</name>
    <message>
        <source>{who} is already registered as {id}: add her, or register a new person?</source>
        <translation>{who} вже зареєстрована як {id}: додати її чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: add him, or register a new person?</source>
        <translation>{who} вже зареєстрований як {id}: додати його чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: add this person, or register a new person?</source>
        <translation>{who}: ця людина вже зареєстрована як {id}. Додати її чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open her, or register a new person?</source>
        <translation>{who} вже зареєстрована як {id}: відкрити її чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open him, or register a new person?</source>
        <translation>{who} вже зареєстрований як {id}: відкрити його чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>{who} is already registered as {id}: open this person, or register a new person?</source>
        <translation>{who}: ця людина вже зареєстрована як {id}. Відкрити її чи зареєструвати нову людину?</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Уже зареєстровані?</translation>
    </message>
    <message>
        <source>&amp;Add the registered person</source>
        <translation>&amp;Додати зареєстровану людину</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <source>&amp;Register a new person</source>
        <translation>&amp;Зареєструвати нову людину</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продовжити заповнення</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Open the enrollment request</source>
        <translation>Відкрити запит на приєднання</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстові файли (*.txt);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Save the answer for the laptop</source>
        <translation>Зберегти відповідь для ноутбука</translation>
    </message>
    <message>
        <source>Choose the request file the laptop made, the ID prefix it is to use, and type the network passphrase.</source>
        <translation>Виберіть файл запиту, створений ноутбуком, префікс ID для нього і наберіть парольну фразу мережі.</translation>
    </message>
    <message>
        <source>Approved: the laptop&apos;s new IDs start with {prefix}. Give it the answer below (as a file or text) and read out the network fingerprint: {fingerprint}</source>
        <translation>Схвалено: нові ID ноутбука починаються з {prefix}. Передайте йому відповідь нижче (файлом або текстом) і зачитайте відбиток мережі: {fingerprint}</translation>
    </message>
    <message>
        <source>Answer saved to {path}.</source>
        <translation>Відповідь збережено в {path}.</translation>
    </message>
    <message>
        <source>Approve an enrollment request</source>
        <translation>Схвалення запиту на приєднання</translation>
    </message>
    <message>
        <source>&amp;Request file</source>
        <translation>&amp;Файл запиту</translation>
    </message>
    <message>
        <source>Request file</source>
        <translation>Файл запиту</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>ID &amp;prefix</source>
        <translation>&amp;Префікс ID</translation>
    </message>
    <message>
        <source>ID prefix</source>
        <translation>Префікс ID</translation>
    </message>
    <message>
        <source>2 to 4 letters or digits, e.g. K7</source>
        <translation>від 2 до 4 літер або цифр, напр. K7</translation>
    </message>
    <message>
        <source>Answer for the laptop</source>
        <translation>Відповідь для ноутбука</translation>
    </message>
    <message>
        <source>Answer for the &amp;laptop</source>
        <translation>Відповідь для &amp;ноутбука</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Схвалити</translation>
    </message>
</context>
<context>
    <name>BandsBox</name>
    <message>
        <source>Reprint the band?</source>
        <translation>Надрукувати браслет повторно?</translation>
    </message>
    <message>
        <source>Printing a new band voids the band now worn: {bands}.</source>
        <translation>Новий браслет скасовує той, що зараз на руці: {bands}.</translation>
    </message>
    <message>
        <source>Print a new band</source>
        <translation>Надрукувати новий браслет</translation>
    </message>
    <message>
        <source>Print new bands for the whole household?</source>
        <translation>Надрукувати нові браслети для всього домогосподарства?</translation>
    </message>
    <message>
        <source>The band now worn becomes void for: {ids}.</source>
        <translation>Браслет, що зараз на руці, стане недійсним для: {ids}.</translation>
    </message>
    <message>
        <source>Print new bands</source>
        <translation>Надрукувати нові браслети</translation>
    </message>
    <message>
        <source>Take the old band off and destroy it.</source>
        <translation>Зніміть старий браслет і знищте його.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>дійсний</translation>
    </message>
    <message>
        <source>void</source>
        <translation>недійсний</translation>
    </message>
    <message>
        <source>No band printed yet.</source>
        <translation>Браслет ще не друкували.</translation>
    </message>
    <message>
        <source>Reprint band (Ctrl+P)</source>
        <translation>Надрукувати браслет знову (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print band (Ctrl+P)</source>
        <translation>Надрукувати браслет (Ctrl+P)</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>Браслети</translation>
    </message>
    <message>
        <source>Bands printed</source>
        <translation>Надруковані браслети</translation>
    </message>
    <message>
        <source>Print household (Ctrl+Shift+P)</source>
        <translation>Друк для домогосподарства (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Print tags (Ctrl+T)</source>
        <translation>Надрукувати бирки (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing recorded yet</source>
        <translation>Поки нічого не записано</translation>
    </message>
</context>
<context>
    <name>BoardingPage</name>
    <message>
        <source>No transport planned yet: plan one on Transports.</source>
        <translation>Транспорт ще не заплановано: заплануйте його на сторінці «Транспорт».</translation>
    </message>
    <message>
        <source>Boarded: {boarded} of {total}</source>
        <translation>Сіли: {boarded} з {total}</translation>
    </message>
    <message>
        <source>seat {seat}</source>
        <translation>місце {seat}</translation>
    </message>
    <message>
        <source>no seat given</source>
        <translation>місце не призначено</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <translation>Сів(-ла): {name}, {seat}</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <translation>Призначено на: {transports}.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <translation>Не призначено на жоден інший транспорт.</translation>
    </message>
    <message>
        <source>NOT on this manifest: {name}. {where} Nothing was recorded.</source>
        <translation>НЕМАЄ в цьому списку: {name}. {where} Нічого не записано.</translation>
    </message>
    <message>
        <source>Voided band: {name}. Nothing was recorded: ask for their current band.</source>
        <translation>Браслет анульовано: {name}. Нічого не записано: попросіть чинний браслет.</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <translation>{name} казав(-ла), що не бажає їхати. Запитайте: нічого не записано, доки ви не підтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <translation>Уже сів(-ла): {name}, {seat}. Нічого більше не записано.</translation>
    </message>
    <message>
        <source>Unknown code: not a band of this store. Nothing was recorded.</source>
        <translation>Невідомий код: це не браслет цього сховища. Нічого не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <translation>Не сів(-ла). Нічого не записано.</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <comment>female</comment>
        <translation>Сіла: {name}, {seat}</translation>
    </message>
    <message>
        <source>Boarded: {name}, {seat}</source>
        <comment>male</comment>
        <translation>Сів: {name}, {seat}</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <comment>female</comment>
        <translation>{name} казала, що не бажає їхати. Запитайте: нічого не записано, доки ви не підтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>{name} said they do not wish to go. Ask them: nothing is recorded until you confirm (Ctrl+Enter).</source>
        <comment>male</comment>
        <translation>{name} казав, що не бажає їхати. Запитайте: нічого не записано, доки ви не підтвердите (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <comment>female</comment>
        <translation>Уже сіла: {name}, {seat}. Нічого більше не записано.</translation>
    </message>
    <message>
        <source>Already boarded: {name}, {seat}. Nothing more recorded.</source>
        <comment>male</comment>
        <translation>Уже сів: {name}, {seat}. Нічого більше не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <comment>female</comment>
        <translation>Не сіла. Нічого не записано.</translation>
    </message>
    <message>
        <source>Not boarded. Nothing was recorded.</source>
        <comment>male</comment>
        <translation>Не сів. Нічого не записано.</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <comment>female</comment>
        <translation>Призначено на: {transports}.</translation>
    </message>
    <message>
        <source>They are on: {transports}.</source>
        <comment>male</comment>
        <translation>Призначено на: {transports}.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <comment>female</comment>
        <translation>Не призначено на жоден інший транспорт.</translation>
    </message>
    <message>
        <source>They are on no other transport.</source>
        <comment>male</comment>
        <translation>Не призначено на жоден інший транспорт.</translation>
    </message>
    <message>
        <source>Unexpected error.</source>
        <translation>Неочікувана помилка.</translation>
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
        <translation>&amp;Скануйте браслет:</translation>
    </message>
    <message>
        <source>Scan each band at the door, or type an ID</source>
        <translation>Скануйте кожен браслет біля дверей або введіть ID</translation>
    </message>
    <message>
        <source>They go: board (Ctrl+Enter)</source>
        <translation>Їде: посадити (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>They stay: do not board</source>
        <translation>Залишається: не садити</translation>
    </message>
</context>
<context>
    <name>ChildWarning</name>
    <message>
        <source>⚠ Under 18 and registered alone. If the family is here, register them together (Ctrl+H); if not, tick “Unaccompanied child” or “Separated child”.</source>
        <translation>⚠ Молодше 18 років і реєструється саме. Якщо родина тут, зареєструйте всіх разом (Ctrl+H); якщо ні, позначте «Дитина без супроводу» або «Дитина, розлучена з батьками».</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Попередження</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>No open conflicts.</source>
        <translation>Невирішених конфліктів немає.</translation>
    </message>
    <message>
        <source>Shown: the first {shown} of {count} conflicts.</source>
        <translation>Показано перші {shown} з {count} конфліктів.</translation>
    </message>
    <message>
        <source>{name} · {id} · {field}</source>
        <translation>{name} · {id} · {field}</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Відкрити картку</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>Відкрити картку: {name}</translation>
    </message>
    <message>
        <source>Written at {device} ({prefix}), {when}</source>
        <translation>Записано: {device} ({prefix}), {when}</translation>
    </message>
    <message>
        <source>Shown now, until you choose</source>
        <translation>Показано зараз, доки ви не виберете</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Залишити це значення</translation>
    </message>
    <message>
        <source>Keep “{value}” as {field}</source>
        <translation>Залишити «{value}» у полі «{field}»</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Edited at two points at once: choose the value to keep</source>
        <translation>Змінено на двох пунктах одночасно: виберіть, яке значення залишити</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Залишити «%1»</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Choose the bundle files</source>
        <translation>Виберіть файли пакетів</translation>
    </message>
    <message>
        <source>Bundles (*.bundle);;All files (*)</source>
        <translation>Пакети (*.bundle);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>Import the bundles the laptops brought. Each file is checked (certificate, signature, chain) before anything changes; a file that fails is moved to quarantine with its reason, and the store stays as it was.</source>
        <translation>Імпортуйте пакети, які привезли з ноутбуків. Кожен файл перевіряється (сертифікат, підпис, ланцюжок), перш ніж щось зміниться; файл, що не пройшов перевірку, переміщується в карантин разом із причиною, а сховище лишається без змін.</translation>
    </message>
    <message>
        <source>Import bundle files…</source>
        <translation>Імпортувати файли пакетів…</translation>
    </message>
    <message>
        <source>Write rosters…</source>
        <translation>Записати зведені списки…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Пристрій</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Quarantined files</source>
        <translation>Файли в карантині</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Чекає на</translation>
    </message>
    <message>
        <source>Held bundles</source>
        <translation>Відкладені пакети</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Останній зв’язок</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Надіслано пакетів</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Застосовано</translation>
    </message>
    <message>
        <source>Still lacking</source>
        <translation>Ще бракує</translation>
    </message>
    <message>
        <source>Rosters fetched</source>
        <translation>Отримано списків</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Each device&apos;s last contact, by the hub or by file</source>
        <translation>Останній зв’язок кожного пристрою, через хаб або файлом</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>зв’язку ще не було</translation>
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
        <translation>Невирішені конфлікти</translation>
    </message>
    <message>
        <source>What the imports left to review</source>
        <translation>Що після імпорту треба переглянути</translation>
    </message>
    <message>
        <source>Du&amp;plicates ({count})</source>
        <translation>&amp;Дублікати ({count})</translation>
    </message>
    <message>
        <source>Import &amp;results</source>
        <translation>&amp;Результати імпорту</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({count})</source>
        <translation>&amp;Конфлікти ({count})</translation>
    </message>
    <message>
        <source>&amp;Quarantine ({count})</source>
        <translation>Кара&amp;нтин ({count})</translation>
    </message>
    <message>
        <source>&amp;Held ({count})</source>
        <translation>&amp;Відкладені ({count})</translation>
    </message>
    <message>
        <source>&amp;Devices ({count})</source>
        <translation>&amp;Пристрої ({count})</translation>
    </message>
    <message>
        <source>Hu&amp;b contact ({count})</source>
        <translation>Зв’язок із &amp;хабом ({count})</translation>
    </message>
    <message>
        <source>Era&amp;sures ({count})</source>
        <translation>Сти&amp;рання ({count})</translation>
    </message>
    <message>
        <source>events {first}–{last}</source>
        <translation>події {first}–{last}</translation>
    </message>
    <message>
        <source>bundles held: {count}</source>
        <translation>відкладено пакетів: {count}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>нічого</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>відкликано</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>зареєстровано</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe and the program keeps running. If this happens again, copy the report and send it to your coordinator: it contains no personal data.</source>
        <translation>Сталася неочікувана помилка. Збережене не втрачено, програма працює далі. Якщо це повториться, скопіюйте звіт і надішліть координатору: у ньому немає персональних даних.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Звіт про помилку</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Копіювати звіт</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копіювати звіт</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>People registered: %n</source>
        <translation>
            <numerusform>Зареєстровано людей: %n</numerusform>
            <numerusform>Зареєстровано людей: %n</numerusform>
            <numerusform>Зареєстровано людей: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No status</source>
        <translation>Без статусу</translation>
    </message>
    <message>
        <source>assigned {assigned}, boarded {boarded}, no-shows {no_shows}</source>
        <translation>призначено {assigned}, сіли {boarded}, не з’явилися {no_shows}</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Панель</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>За статусом</translation>
    </message>
    <message>
        <source>By reception point</source>
        <translation>За пунктом прийому</translation>
    </message>
    <message>
        <source>By need</source>
        <translation>За потребами</translation>
    </message>
    <message>
        <source>Registered by day</source>
        <translation>Зареєстровано за днями</translation>
    </message>
    <message>
        <source>By transport (boarded of assigned)</source>
        <translation>За транспортом (сіли з призначених)</translation>
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
        <translation>Людей: {total} · сьогодні: {today} · очікують: {waiting} · з потребами: {needs}</translation>
    </message>
    <message>
        <source>People not exported: {people} · changes: {events}</source>
        <translation>Не експортовано людей: {people} · змін: {events}</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Prefix</source>
        <translation>Префікс</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Imported up to</source>
        <translation>Імпортовано до</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Відкликано</translation>
    </message>
    <message>
        <source>Enrolled devices</source>
        <translation>Приєднані пристрої</translation>
    </message>
    <message>
        <source>Approve an enrollment request…</source>
        <translation>Схвалити запит на приєднання…</translation>
    </message>
    <message>
        <source>Revoke the selected device…</source>
        <translation>Відкликати вибраний пристрій…</translation>
    </message>
    <message>
        <source>bundles after event {seq} refused</source>
        <translation>пакети після події {seq} не приймаються</translation>
    </message>
</context>
<context>
    <name>DiscardConfirm</name>
    <message>
        <source>Discard what was typed?</source>
        <translation>Скасувати введене?</translation>
    </message>
    <message>
        <source>Discard what was typed? It has not been saved.</source>
        <translation>Скасувати введене? Воно ще не збережене.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Скасувати введене</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продовжити заповнення</translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <source>one family registered twice: {count} people</source>
        <translation>одна родина зареєстрована двічі: {count} осіб</translation>
    </message>
    <message>
        <source>Look among &amp;everyone</source>
        <translation>Шукати серед &amp;усіх</translation>
    </message>
    <message>
        <source>Look among the people just &amp;imported ({count})</source>
        <translation>Шукати серед щойно &amp;імпортованих ({count})</translation>
    </message>
    <message>
        <source>&amp;Mark as the same person</source>
        <translation>Позна&amp;чити як ту саму особу</translation>
    </message>
    <message>
        <source>Set &amp;aside for now</source>
        <translation>Відкласти на по&amp;тім</translation>
    </message>
    <message>
        <source>&amp;Undo the mark</source>
        <translation>&amp;Скасувати позначку</translation>
    </message>
    <message>
        <source>Marked as the same person</source>
        <translation>Позначені як та сама особа</translation>
    </message>
    <message>
        <source>Registered later</source>
        <translation>Зареєстровано пізніше</translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Зареєстровано раніше</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Збіг</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>Likely the same person</source>
        <translation>Імовірно та сама особа</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>Позначено</translation>
    </message>
    <message>
        <source>Same person as</source>
        <translation>Та сама особа, що й</translation>
    </message>
    <message>
        <source>Looking for people registered twice…</source>
        <translation>Пошук осіб, зареєстрованих двічі…</translation>
    </message>
    <message>
        <source>Look for people who may have been registered twice: the same names in any alphabet or spelling, and the same date of birth. Marking keeps both records and can be undone.</source>
        <translation>Знайдіть осіб, яких могли зареєструвати двічі: ті самі імена будь-якою абеткою чи з іншим написанням і та сама дата народження. Позначка зберігає обидва записи, її можна скасувати.</translation>
    </message>
    <message>
        <source>Pairs that may be one person registered twice: {count}.</source>
        <translation>Пар, які можуть бути однією особою, зареєстрованою двічі: {count}.</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>Імовірних дублікатів не знайдено.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Already registered?</source>
        <translation>Уже зареєстровані?</translation>
    </message>
    <message>
        <source>Ctrl+1 to 5, or Alt+D then Enter: add this person.</source>
        <translation>Ctrl+1…5 або Alt+D, потім Enter: додати цю людину.</translation>
    </message>
    <message>
        <source>Ctrl+1 to 5, or Alt+D then Enter: open instead of saving.</source>
        <translation>Ctrl+1…5 або Alt+D, потім Enter: відкрити замість збереження.</translation>
    </message>
    <message>
        <source>No similar person found.</source>
        <translation>Схожих людей не знайдено.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Можливі повтори</translation>
    </message>
    <message>
        <source>%1% match: %2</source>
        <translation>збіг %1%: %2</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Request erasure of {id}</source>
        <translation>Запит на стирання {id}</translation>
    </message>
    <message>
        <source>Erasure removes {id}&apos;s names, values, notes and documents from this store and from every laptop that imports the next roster; only the ID stays, so the log still checks. It cannot be undone. Nothing is erased until another operator confirms the request on the Coordinator page.</source>
        <translation>Стирання видаляє імена, значення, нотатки й документи {id} з цього сховища та з кожного ноутбука, що імпортує наступний зведений список; лишається тільки ID, щоб журнал і далі перевірявся. Скасувати це неможливо. Нічого не стирається, доки інший оператор не підтвердить запит на сторінці «Координатор».</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Причина</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Нотатка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <source>Who asked, or where it is recorded (no names)</source>
        <translation>Хто попросив або де це записано (без імен)</translation>
    </message>
    <message>
        <source>Request &amp;erasure</source>
        <translation>Запросити &amp;стирання</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>ErasurePanel</name>
    <message>
        <source>You asked for this erasure: another operator must unlock the coordinator and confirm it.</source>
        <translation>Ви запросили це стирання: інший оператор має розблокувати координаційний центр і підтвердити його.</translation>
    </message>
    <message>
        <source>Confirm erasure</source>
        <translation>Підтвердити стирання</translation>
    </message>
    <message>
        <source>Erase {id} now? Their names, values, notes and documents are removed here and from every laptop with the next roster. This cannot be undone.</source>
        <translation>Стерти {id} зараз? Імена, значення, нотатки й документи буде видалено тут і з кожного ноутбука з наступним зведеним списком. Скасувати це неможливо.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Запит</translation>
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
        <translation>Хто запросив</translation>
    </message>
    <message>
        <source>Erasure requests</source>
        <translation>Запити на стирання</translation>
    </message>
    <message>
        <source>No erasure is waiting for confirmation.</source>
        <translation>Жодне стирання не чекає на підтвердження.</translation>
    </message>
    <message>
        <source>Con&amp;firm erasure…</source>
        <translation>Під&amp;твердити стирання…</translation>
    </message>
    <message>
        <source>Wi&amp;thdraw request</source>
        <translation>В&amp;ідкликати запит</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>The store could not be used</source>
        <translation>Не вдалося працювати зі сховищем</translation>
    </message>
    <message>
        <source>What you typed is still in the form. When the problem is fixed, try again.</source>
        <translation>Усе введене залишилося у формі. Коли проблему буде усунено, спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Не дозволено</translation>
    </message>
    <message>
        <source>This did not work</source>
        <translation>Не вдалося</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error ({code}).</source>
        <translation>Неочікувана помилка ({code}).</translation>
    </message>
    <message>
        <source>{field}: this field is required.</source>
        <translation>{field}: це поле обов’язкове.</translation>
    </message>
    <message>
        <source>{field}: too long (at most {max} characters).</source>
        <translation>{field}: задовго (щонайбільше {max} символів).</translation>
    </message>
    <message>
        <source>{field}: contains a control character.</source>
        <translation>{field}: містить керівний символ.</translation>
    </message>
    <message>
        <source>{field}: contains an invisible text-direction character.</source>
        <translation>{field}: містить невидимий символ напрямку тексту.</translation>
    </message>
    <message>
        <source>{field}: contains broken text.</source>
        <translation>{field}: містить пошкоджений текст.</translation>
    </message>
    <message>
        <source>{field}: contains a character that is not allowed.</source>
        <translation>{field}: містить недозволений символ.</translation>
    </message>
    <message>
        <source>{field}: use letters, spaces, apostrophes, hyphens and periods only.</source>
        <translation>{field}: лише літери, пробіли, апострофи, дефіси й крапки.</translation>
    </message>
    <message>
        <source>{field}: write a date as 31.12.1980 or 1980-12-31, a year as 1980, or an age as ~45.</source>
        <translation>{field}: пишіть дату як 31.12.1980 або 1980-12-31, рік — як 1980, вік — як ~45.</translation>
    </message>
    <message>
        <source>{field}: no such date.</source>
        <translation>{field}: такої дати не існує.</translation>
    </message>
    <message>
        <source>{field}: the date is in the future.</source>
        <translation>{field}: дата ще не настала.</translation>
    </message>
    <message>
        <source>{field}: the date is more than 120 years ago.</source>
        <translation>{field}: дата понад 120 років тому.</translation>
    </message>
    <message>
        <source>{field}: write the year with four digits (19.. or 20..?).</source>
        <translation>{field}: напишіть рік чотирма цифрами (19.. чи 20..?).</translation>
    </message>
    <message>
        <source>{field}: not a date of birth.</source>
        <translation>{field}: це не дата народження.</translation>
    </message>
    <message>
        <source>{field}: an age must be 0 to 120.</source>
        <translation>{field}: вік має бути від 0 до 120.</translation>
    </message>
    <message>
        <source>{field}: a phone number has 5 to 15 digits, optionally after a +.</source>
        <translation>{field}: номер телефону має від 5 до 15 цифр, можна з + на початку.</translation>
    </message>
    <message>
        <source>{field}: use language codes such as uk, ru, en (at most 10).</source>
        <translation>{field}: вкажіть коди мов, як-от uk, ru, en (не більше 10).</translation>
    </message>
    <message>
        <source>{field}: {tag} is not a language code; use codes such as uk, ru, en.</source>
        <translation>{field}: {tag} — не код мови; використовуйте коди на кшталт uk, ru, en.</translation>
    </message>
    <message>
        <source>{field}: not a real number (every digit the same); leave it empty if unknown.</source>
        <translation>{field}: це не справжній номер (усі цифри однакові); залиште поле порожнім, якщо номер невідомий.</translation>
    </message>
    <message>
        <source>{field}: use Latin letters only (the spelling in the person&apos;s documents).</source>
        <translation>{field}: лише латинські літери (написання з документів особи).</translation>
    </message>
    <message>
        <source>{field}: one word mixes letters of two alphabets ({scripts}), often a look-alike letter typed in the other keyboard layout; retype it in one layout.</source>
        <translation>{field}: в одному слові змішано літери двох абеток ({scripts}), часто схожу літеру набрано в іншій розкладці; наберіть слово в одній розкладці.</translation>
    </message>
    <message>
        <source>{field}: use letters, digits, spaces and - / . only.</source>
        <translation>{field}: лише літери, цифри, пробіли та - / .</translation>
    </message>
    <message>
        <source>{field}: give an existing household or start a new one, not both.</source>
        <translation>{field}: вкажіть наявне домогосподарство або створіть нове, але не обидва.</translation>
    </message>
    <message>
        <source>{field}: a relationship needs a household (give one or start a new one).</source>
        <translation>{field}: спорідненість потребує домогосподарства (вкажіть наявне або створіть нове).</translation>
    </message>
    <message>
        <source>{field}: not one of the allowed values ({allowed}).</source>
        <translation>{field}: недопустиме значення (можливі: {allowed}).</translation>
    </message>
    <message>
        <source>{field}: wrong kind of value.</source>
        <translation>{field}: неправильний тип значення.</translation>
    </message>
    <message>
        <source>{field}: unknown field.</source>
        <translation>{field}: невідоме поле.</translation>
    </message>
    <message>
        <source>{field}: cannot be edited here; use its own action.</source>
        <translation>{field}: тут змінити не можна; скористайтеся окремою дією.</translation>
    </message>
    <message>
        <source>{field}: 2 to 6 letters or digits (Crockford base32).</source>
        <translation>{field}: від 2 до 6 літер або цифр (Crockford base32).</translation>
    </message>
    <message>
        <source>This is not a fieldreg ID.</source>
        <translation>Це не ID fieldreg.</translation>
    </message>
    <message>
        <source>This ID has a typing error: its check character does not match.</source>
        <translation>У цьому ID помилка: контрольний символ не збігається.</translation>
    </message>
    <message>
        <source>No person with this ID is registered here.</source>
        <translation>Людину з таким ID тут не зареєстровано.</translation>
    </message>
    <message>
        <source>No person with ID {id}.</source>
        <translation>Немає людини з ID {id}.</translation>
    </message>
    <message>
        <source>This person&apos;s record was erased at the coordinator&apos;s request.</source>
        <translation>Запис цієї людини стерто на вимогу координатора.</translation>
    </message>
    <message>
        <source>This person left this point some time ago: the record moved to the coordinator.</source>
        <translation>Ця людина залишила пункт деякий час тому: запис передано координатору.</translation>
    </message>
    <message>
        <source>Erasure is decided at the coordinator. This laptop drops a person when the coordinator&apos;s roster says they were erased.</source>
        <translation>Про стирання вирішує координатор. Цей ноутбук видаляє людину, коли реєстр координатора повідомляє, що її стерто.</translation>
    </message>
    <message>
        <source>An erasure of {id} is already waiting for confirmation (request {request}).</source>
        <translation>Стирання {id} уже чекає на підтвердження (запит {request}).</translation>
    </message>
    <message>
        <source>No erasure request {id}.</source>
        <translation>Немає запиту на стирання {id}.</translation>
    </message>
    <message>
        <source>The erasure request {id} is no longer pending ({state}).</source>
        <translation>Запит на стирання {id} уже не очікує ({state}).</translation>
    </message>
    <message>
        <source>An erasure must be confirmed by another operator than the one who requested it. Unlock as another operator to confirm it.</source>
        <translation>Стирання має підтвердити інший оператор, ніж той, хто його запросив. Розблокуйте як інший оператор, щоб підтвердити.</translation>
    </message>
    <message>
        <source>The retention period must be a whole number of days from {min} to {max}.</source>
        <translation>Строк зберігання — ціле число днів від {min} до {max}.</translation>
    </message>
    <message>
        <source>No household with ID {id}.</source>
        <translation>Немає домогосподарства з ID {id}.</translation>
    </message>
    <message>
        <source>The members file must be a JSON list of members, each an object of fields (see member {member}).</source>
        <translation>Файл членів має бути списком JSON, де кожен член — об’єкт із полями (див. члена {member}).</translation>
    </message>
    <message>
        <source>{field}: use at least {min} characters.</source>
        <translation>{field}: щонайменше {min} символів.</translation>
    </message>
    <message>
        <source>{field}: a recovery key is 7 groups of 5 letters and digits.</source>
        <translation>{field}: ключ відновлення — це 7 груп по 5 літер і цифр.</translation>
    </message>
    <message>
        <source>{field}: group {group} has a typing error.</source>
        <translation>{field}: у групі {group} помилка.</translation>
    </message>
    <message>
        <source>{field}: the groups are valid but do not form a recovery key.</source>
        <translation>{field}: групи правильні, але разом не утворюють ключа відновлення.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Неправильна парольна фраза.</translation>
    </message>
    <message>
        <source>This recovery key does not open this store.</source>
        <translation>Цей ключ відновлення не відкриває це сховище.</translation>
    </message>
    <message>
        <source>No such operator on this laptop.</source>
        <translation>На цьому ноутбуці немає такого оператора.</translation>
    </message>
    <message>
        <source>Several operators use this laptop: choose one.</source>
        <translation>Цим ноутбуком користуються кілька операторів: виберіть одного.</translation>
    </message>
    <message>
        <source>The key file does not belong to this store.</source>
        <translation>Файл ключів не належить до цього сховища.</translation>
    </message>
    <message>
        <source>{field}: this operator already exists.</source>
        <translation>{field}: такий оператор уже є.</translation>
    </message>
    <message>
        <source>{field}: a name is required.</source>
        <translation>{field}: потрібне ім’я.</translation>
    </message>
    <message>
        <source>At most {max} operators per laptop.</source>
        <translation>Не більше {max} операторів на одному ноутбуці.</translation>
    </message>
    <message>
        <source>The last operator cannot be removed.</source>
        <translation>Останнього оператора вилучити не можна.</translation>
    </message>
    <message>
        <source>The coordinator&apos;s escrow key is invalid.</source>
        <translation>Резервний ключ координатора недійсний.</translation>
    </message>
    <message>
        <source>This escrow key does not open this store.</source>
        <translation>Цей резервний ключ не відкриває це сховище.</translation>
    </message>
    <message>
        <source>The key file does not match this store&apos;s key.</source>
        <translation>Файл ключів не відповідає ключу цього сховища.</translation>
    </message>
    <message>
        <source>The key file keyslots.json is missing from {folder}, and the database holds no copy of it. Put keyslots.json back from a backup of that folder; the recovery key needs it too.</source>
        <translation>Файл ключів keyslots.json відсутній у {folder}, і база даних не має його копії. Поверніть keyslots.json із резервної копії цієї теки; ключ відновлення теж потребує його.</translation>
    </message>
    <message>
        <source>A key file already exists here.</source>
        <translation>Тут уже є файл ключів.</translation>
    </message>
    <message>
        <source>The key file could not be written ({reason}).</source>
        <translation>Не вдалося записати файл ключів ({reason}).</translation>
    </message>
    <message>
        <source>The new key file did not verify; the previous one was kept.</source>
        <translation>Новий файл ключів не пройшов перевірку; попередній збережено.</translation>
    </message>
    <message>
        <source>The key file was written by a newer fieldreg (version {version}).</source>
        <translation>Файл ключів створено новішою версією fieldreg (версія {version}).</translation>
    </message>
    <message>
        <source>The store is locked.</source>
        <translation>Сховище заблоковано.</translation>
    </message>
    <message>
        <source>The key file has unacceptable parameters.</source>
        <translation>Файл ключів має неприйнятні параметри.</translation>
    </message>
    <message>
        <source>The key file is damaged.</source>
        <translation>Файл ключів пошкоджено.</translation>
    </message>
    <message>
        <source>The key file {path} is not a regular file (a folder, link or device is in its place). The store opens from the copy in its database; run verify to rewrite the file.</source>
        <translation>Файл ключів {path} не є звичайним файлом (на його місці тека, посилання чи пристрій). Сховище відкривається з копії в базі даних; запустіть verify, щоб переписати файл.</translation>
    </message>
    <message>
        <source>The keys are being changed by another fieldreg window or command; nothing was changed. Try again in a moment (waited {seconds} s).</source>
        <translation>Ключі зараз змінює інше вікно чи команда fieldreg; нічого не змінено. Спробуйте ще раз за мить (очікування {seconds} с).</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again in {seconds} s.</source>
        <translation>Неправильна парольна фраза. Спробуйте знову через {seconds} с.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases for this operator. Try again in {seconds} s, or use the recovery key.</source>
        <translation>Забагато неправильних парольних фраз для цього оператора. Спробуйте знову через {seconds} с або скористайтеся ключем відновлення.</translation>
    </message>
    <message>
        <source>{field}: this name looks the same as another operator&apos;s; choose another.</source>
        <translation>{field}: це ім&apos;я виглядає так само, як ім&apos;я іншого оператора; виберіть інше.</translation>
    </message>
    <message>
        <source>{field}: use letters of one alphabet only (Latin or Cyrillic), so the name cannot pass for another.</source>
        <translation>{field}: використовуйте літери лише однієї абетки (латиниці або кирилиці), щоб ім&apos;я не можна було сплутати з іншим.</translation>
    </message>
    <message>
        <source>The key file {path} was missing; it was rewritten from the database&apos;s copy.</source>
        <translation>Файл ключів {path} був відсутній; його переписано з копії в базі даних.</translation>
    </message>
    <message>
        <source>The key file {path} was not a regular file; it was rewritten from the database&apos;s copy.</source>
        <translation>Файл ключів {path} не був звичайним файлом; його переписано з копії в базі даних.</translation>
    </message>
    <message>
        <source>The key file {path} was damaged; it was rewritten from the good copy.</source>
        <translation>Файл ключів {path} був пошкоджений; його переписано з цілої копії.</translation>
    </message>
    <message>
        <source>The key file {path} was older than the database&apos;s copy; it was brought up to date.</source>
        <translation>Файл ключів {path} був старішим за копію в базі даних; його оновлено.</translation>
    </message>
    <message>
        <source>The database had no copy of the keys; it was written from the key file.</source>
        <translation>База даних не мала копії ключів; її записано з файлу ключів.</translation>
    </message>
    <message>
        <source>The database&apos;s copy of the keys was damaged; it was rewritten from the key file.</source>
        <translation>Копія ключів у базі даних була пошкоджена; її переписано з файлу ключів.</translation>
    </message>
    <message>
        <source>The database&apos;s copy of the keys was older than the key file; it was brought up to date.</source>
        <translation>Копія ключів у базі даних була старішою за файл ключів; її оновлено.</translation>
    </message>
    <message>
        <source>A protected value does not open: it was altered or moved ({table}, {group}).</source>
        <translation>Захищене значення не відкривається: його змінили або перемістили ({table}, {group}).</translation>
    </message>
    <message>
        <source>A store already exists in this folder.</source>
        <translation>У цій теці вже є сховище.</translation>
    </message>
    <message>
        <source>There is no store in this folder.</source>
        <translation>У цій теці немає сховища.</translation>
    </message>
    <message>
        <source>{folder} already holds a store&apos;s database, but its key file keyslots.json is missing. No new store was made: open the store as usual (its database keeps a copy of the keys) and run verify to rewrite the key file.</source>
        <translation>{folder} вже містить базу даних сховища, але її файл ключів keyslots.json відсутній. Нове сховище не створено: відкрийте сховище як зазвичай (його база даних зберігає копію ключів) і запустіть verify, щоб переписати файл ключів.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>Диск заповнено. Нічого не збережено; звільніть місце й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The store is busy in another program. Nothing was saved; try again.</source>
        <translation>Сховище зайняте іншою програмою. Нічого не збережено; спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The store cannot be written (read-only).</source>
        <translation>До сховища не можна записувати (лише читання).</translation>
    </message>
    <message>
        <source>The store is damaged. Run a verification.</source>
        <translation>Сховище пошкоджено. Запустіть перевірку.</translation>
    </message>
    <message>
        <source>The disk reported an error. Nothing was saved.</source>
        <translation>Диск повідомив про помилку. Нічого не збережено.</translation>
    </message>
    <message>
        <source>The database server could not be reached: check the address in --store, the network and that the server runs. Nothing was saved.</source>
        <translation>Не вдалося з&apos;єднатися із сервером бази даних: перевірте адресу в --store, мережу і чи працює сервер. Нічого не збережено.</translation>
    </message>
    <message>
        <source>This installation has no PostgreSQL support: install fieldreg with its postgresql extra (pip install &apos;fieldreg[postgresql]&apos;), or open a store folder instead.</source>
        <translation>У цьому встановленні немає підтримки PostgreSQL: встановіть fieldreg з додатком postgresql (pip install &apos;fieldreg[postgresql]&apos;) або відкрийте папку сховища.</translation>
    </message>
    <message>
        <source>The database server refused the connection: check the user and database in the address, and its password in ~/.pgpass. Nothing was saved.</source>
        <translation>Сервер бази даних відхилив з’єднання: перевірте користувача й базу даних в адресі та пароль у ~/.pgpass. Нічого не збережено.</translation>
    </message>
    <message>
        <source>The database server answers, but that database holds no fieldreg store: check the database name in the address.</source>
        <translation>Сервер бази даних відповідає, але в цій базі немає сховища fieldreg: перевірте назву бази даних в адресі.</translation>
    </message>
    <message>
        <source>This is not a PostgreSQL address: write it as postgresql://user@host/database.</source>
        <translation>Це не адреса PostgreSQL: запишіть її як postgresql://користувач@сервер/база.</translation>
    </message>
    <message>
        <source>Leave the password out of the address: put it in ~/.pgpass, where the server&apos;s driver reads it; it is never kept in fieldreg&apos;s settings.</source>
        <translation>Не пишіть пароль в адресі: покладіть його в ~/.pgpass, звідки його читає драйвер сервера; у налаштуваннях fieldreg він ніколи не зберігається.</translation>
    </message>
    <message>
        <source>The database server asks for a password: type the password of the user in the address. It is kept only until fieldreg closes.</source>
        <translation>Сервер бази даних просить пароль: введіть пароль користувача з адреси. Він зберігається лише до закриття fieldreg.</translation>
    </message>
    <message>
        <source>The database server refused this password. Nothing was changed; type it again.</source>
        <translation>Сервер бази даних відхилив цей пароль. Нічого не змінено; введіть його ще раз.</translation>
    </message>
    <message>
        <source>This store was written by a newer fieldreg (schema {revision}). Update fieldreg to open it.</source>
        <translation>Це сховище створено новішою версією fieldreg (схема {revision}). Оновіть fieldreg, щоб його відкрити.</translation>
    </message>
    <message>
        <source>The store has no device record.</source>
        <translation>У сховищі немає запису про пристрій.</translation>
    </message>
    <message>
        <source>An event in the log is malformed.</source>
        <translation>Подію в журналі пошкоджено.</translation>
    </message>
    <message>
        <source>An event in the log was altered.</source>
        <translation>Подію в журналі змінено.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} missing.</source>
        <translation>Журнал подій пристрою {device}: бракує події {seq}.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} does not follow the one before.</source>
        <translation>Журнал подій пристрою {device}: подія {seq} не продовжує попередню.</translation>
    </message>
    <message>
        <source>Event log of device {device}: its recorded end does not match.</source>
        <translation>Журнал подій пристрою {device}: записаний кінець журналу не збігається.</translation>
    </message>
    <message>
        <source>Person {person}: the stored record differs from its history.</source>
        <translation>Людина {person}: збережений запис відрізняється від історії змін.</translation>
    </message>
    <message>
        <source>Person {person}: replaying the history gives a different record.</source>
        <translation>Людина {person}: відтворення історії дає інший запис.</translation>
    </message>
    <message>
        <source>Event log of device {device}: events {first} to {last} missing.</source>
        <translation>Журнал подій пристрою {device}: бракує подій з {first} по {last}.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} does not open (altered or moved).</source>
        <translation>Журнал подій пристрою {device}: подія {seq} не відкривається (змінена або переміщена).</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} was altered.</source>
        <translation>Журнал подій пристрою {device}: подію {seq} змінено.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} of person {person} is marked erased, but the person is not.</source>
        <translation>Журнал подій пристрою {device}: подію {seq} людини {person} позначено стертою, але людину не стерто.</translation>
    </message>
    <message>
        <source>Event log of device {device}: its recorded clock does not match its last event.</source>
        <translation>Журнал подій пристрою {device}: записаний час не збігається з останньою подією.</translation>
    </message>
    <message>
        <source>Event log of device {device}: it ends at event {seq}, but the anchor outside the database records event {anchored}: events were removed.</source>
        <translation>Журнал подій пристрою {device}: закінчується подією {seq}, але якір поза базою даних записав подію {anchored}: події видалено.</translation>
    </message>
    <message>
        <source>Event log of device {device}: event {seq} is not the one the anchor outside the database records: the log was rewritten.</source>
        <translation>Журнал подій пристрою {device}: подія {seq} не та, яку записав якір поза базою даних: журнал переписано.</translation>
    </message>
    <message>
        <source>Device {device}: its record is gone, but the anchor outside the database records its events up to number {anchored}.</source>
        <translation>Пристрій {device}: його запис зник, але якір поза базою даних записав його події до номера {anchored}.</translation>
    </message>
    <message>
        <source>Device {device}: its events are in the log, but its record is gone.</source>
        <translation>Пристрій {device}: його події є в журналі, але його запис зник.</translation>
    </message>
    <message>
        <source>The anchor outside the database (files anchor.0, anchor.1) does not open.</source>
        <translation>Якір поза базою даних (файли anchor.0, anchor.1) не відкривається.</translation>
    </message>
    <message>
        <source>No anchor yet: the end of the event log is recorded outside the database at the next save, so removed events cannot be found before then.</source>
        <translation>Якоря ще немає: кінець журналу подій буде записано поза базою даних під час наступного збереження, тож до того видалені події виявити не можна.</translation>
    </message>
    <message>
        <source>Device {device}: its ID counter was set back to {counter}, but ID {id} was already issued; new registrations would be refused.</source>
        <translation>Пристрій {device}: його лічильник ID повернуто до {counter}, але ID {id} уже видано; нові реєстрації буде відхилено.</translation>
    </message>
    <message>
        <source>Device {device}: its ID prefix is {prefix}, but its IDs were issued under {expected}.</source>
        <translation>Пристрій {device}: його префікс ID — {prefix}, але його ID видано з префіксом {expected}.</translation>
    </message>
    <message>
        <source>Person {person}: has a history in the event log but no record.</source>
        <translation>Людина {person}: має історію в журналі подій, але не має запису.</translation>
    </message>
    <message>
        <source>Person {person}: has a record but no history in the event log.</source>
        <translation>Людина {person}: має запис, але не має історії в журналі подій.</translation>
    </message>
    <message>
        <source>Person {person}: the sealed {group} part does not open (altered or moved).</source>
        <translation>Людина {person}: запечатана частина {group} не відкривається (змінена або переміщена).</translation>
    </message>
    <message>
        <source>Person {person}: the stored registration or change time differs from the history.</source>
        <translation>Людина {person}: збережений час реєстрації або зміни відрізняється від історії.</translation>
    </message>
    <message>
        <source>Person {person}: note {note} is in the history but its record is missing.</source>
        <translation>Людина {person}: примітка {note} є в історії, але її запису бракує.</translation>
    </message>
    <message>
        <source>Note {note}, filed under person {person}: it is in no history.</source>
        <translation>Примітка {note}, записана до людини {person}: її немає в жодній історії.</translation>
    </message>
    <message>
        <source>Note {note}: filed under person {person}, but it was written for person {owner}.</source>
        <translation>Примітка {note}: записана до людини {person}, але її написано для людини {owner}.</translation>
    </message>
    <message>
        <source>Note {note} of person {person}: it does not open (altered or moved).</source>
        <translation>Примітка {note} людини {person}: не відкривається (змінена або переміщена).</translation>
    </message>
    <message>
        <source>Note {note} of person {person}: it differs from the history.</source>
        <translation>Примітка {note} людини {person}: відрізняється від історії.</translation>
    </message>
    <message>
        <source>Transport {transport} has events but no stored state.</source>
        <translation>Транспорт {transport} має події, але не має збереженого стану.</translation>
    </message>
    <message>
        <source>Transport {transport}: the stored state does not match its events.</source>
        <translation>Транспорт {transport}: збережений стан не відповідає його подіям.</translation>
    </message>
    <message>
        <source>Household {household}: created in the event log but has no record.</source>
        <translation>Домогосподарство {household}: створене в журналі подій, але не має запису.</translation>
    </message>
    <message>
        <source>Household {household}: has a record but no history in the event log.</source>
        <translation>Домогосподарство {household}: має запис, але не має історії в журналі подій.</translation>
    </message>
    <message>
        <source>Household {household}: the stored creation time differs from the history.</source>
        <translation>Домогосподарство {household}: збережений час створення відрізняється від історії.</translation>
    </message>
    <message>
        <source>This store&apos;s ID counter was set back: ID {id} is already taken. Nothing was saved; run fieldreg verify.</source>
        <translation>Лічильник ID цього сховища повернуто назад: ID {id} уже зайнятий. Нічого не збережено; запустіть fieldreg verify.</translation>
    </message>
    <message>
        <source>The data is too large (at most {max}).</source>
        <translation>Дані завеликі (щонайбільше {max}).</translation>
    </message>
    <message>
        <source>The data is nested too deeply.</source>
        <translation>Дані мають завелику вкладеність.</translation>
    </message>
    <message>
        <source>The data is not valid JSON.</source>
        <translation>Дані не є правильним JSON.</translation>
    </message>
    <message>
        <source>The data is not valid UTF-8.</source>
        <translation>Дані не є правильним UTF-8.</translation>
    </message>
    <message>
        <source>The data repeats a key.</source>
        <translation>У даних повторюється ключ.</translation>
    </message>
    <message>
        <source>The data contains NaN or Infinity.</source>
        <translation>Дані містять NaN або Infinity.</translation>
    </message>
    <message>
        <source>The data contains a fractional number.</source>
        <translation>Дані містять дробове число.</translation>
    </message>
    <message>
        <source>The data contains an unpaired surrogate character.</source>
        <translation>Дані містять непарний сурогатний символ.</translation>
    </message>
    <message>
        <source>The data contains a number out of range.</source>
        <translation>Дані містять число поза допустимими межами.</translation>
    </message>
    <message>
        <source>The data contains a value of an unknown kind.</source>
        <translation>Дані містять значення невідомого типу.</translation>
    </message>
    <message>
        <source>The data contains a key that is not text.</source>
        <translation>Дані містять ключ, що не є текстом.</translation>
    </message>
    <message>
        <source>Cannot read the secret from {path}.</source>
        <translation>Не вдалося прочитати секрет із {path}.</translation>
    </message>
    <message>
        <source>No terminal to ask for the passphrase: use --passphrase-file or {env}.</source>
        <translation>Немає термінала, щоб запитати парольну фразу: використайте --passphrase-file або {env}.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Два введення не збігаються.</translation>
    </message>
    <message>
        <source>There is no store in {path}. Name the store&apos;s folder with --data-dir, or create a store there with fieldreg init.</source>
        <translation>У теці {path} немає сховища. Вкажіть теку сховища через --data-dir або створіть там сховище командою fieldreg init.</translation>
    </message>
    <message>
        <source>A store already exists in {path}; nothing was changed.</source>
        <translation>У теці {path} вже є сховище; нічого не змінено.</translation>
    </message>
    <message>
        <source>Several operators use this laptop: choose one with {option} NAME (fieldreg operator list shows them).</source>
        <translation>Цим ноутбуком користуються кілька операторів: виберіть одного через {option} ІМʼЯ (їх показує fieldreg operator list).</translation>
    </message>
    <message>
        <source>{field}: not changed by edit; use fieldreg {command}.</source>
        <translation>{field}: не змінюється командою edit; скористайтеся fieldreg {command}.</translation>
    </message>
    <message>
        <source>{path} cannot be used: {reason}. Choose another file or folder.</source>
        <translation>{path} не можна використати: {reason}. Виберіть інший файл або теку.</translation>
    </message>
    <message>
        <source>The system refused the operation: {reason}.</source>
        <translation>Система відмовила в операції: {reason}.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({reason}); nothing was changed.</source>
        <translation>Не вдалося зберегти налаштування ({reason}); нічого не змінено.</translation>
    </message>
    <message>
        <source>This is not a valid key.</source>
        <translation>Це недійсний ключ.</translation>
    </message>
    <message>
        <source>The network keys in this store are damaged.</source>
        <translation>Ключі мережі в цьому сховищі пошкоджено.</translation>
    </message>
    <message>
        <source>Wrong network passphrase.</source>
        <translation>Неправильна парольна фраза мережі.</translation>
    </message>
    <message>
        <source>The network passphrase must differ from the store&apos;s passphrase.</source>
        <translation>Парольна фраза мережі має відрізнятися від парольної фрази сховища.</translation>
    </message>
    <message>
        <source>This is not a coordinator&apos;s store (create one with `network create`).</source>
        <translation>Це не сховище координатора (створіть його командою `network create`).</translation>
    </message>
    <message>
        <source>This laptop is not enrolled in a network yet: enroll it first.</source>
        <translation>Цей ноутбук ще не приєднано до мережі: спершу приєднайте його.</translation>
    </message>
    <message>
        <source>This store already belongs to a network.</source>
        <translation>Це сховище вже належить до мережі.</translation>
    </message>
    <message>
        <source>The device certificate is damaged or not signed by this network ({part}).</source>
        <translation>Сертифікат пристрою пошкоджено або не підписано цією мережею ({part}).</translation>
    </message>
    <message>
        <source>No enrolled device matches.</source>
        <translation>Немає відповідного приєднаного пристрою.</translation>
    </message>
    <message>
        <source>A sequence number cannot be negative.</source>
        <translation>Порядковий номер не може бути від’ємним.</translation>
    </message>
    <message>
        <source>Event {seq} was erased here and cannot be exported.</source>
        <translation>Подію {seq} тут видалено, її не можна експортувати.</translation>
    </message>
    <message>
        <source>The bundle could not be written ({reason}). Nothing was marked as exported.</source>
        <translation>Не вдалося записати пакет ({reason}). Нічого не позначено як експортоване.</translation>
    </message>
    <message>
        <source>The target folder does not exist.</source>
        <translation>Цільової теки не існує.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Файл не вдається прочитати.</translation>
    </message>
    <message>
        <source>There is no file by that name: check the name and the folder.</source>
        <translation>Файлу з такою назвою немає: перевірте назву й теку.</translation>
    </message>
    <message>
        <source>This is not a file (a link, a folder or a device): choose the file itself.</source>
        <translation>Це не файл (посилання, тека чи пристрій): виберіть сам файл.</translation>
    </message>
    <message>
        <source>This file is too large to be an enrollment request or answer.</source>
        <translation>Цей файл завеликий для запиту на приєднання чи відповіді на нього.</translation>
    </message>
    <message>
        <source>At most {max} files at a time.</source>
        <translation>Щонайбільше {max} файлів за раз.</translation>
    </message>
    <message>
        <source>A file of that name already exists; nothing was overwritten.</source>
        <translation>Файл із такою назвою вже є; нічого не перезаписано.</translation>
    </message>
    <message>
        <source>No hub is set for this laptop: set its address and certificate first.</source>
        <translation>Для цього ноутбука не задано хаб: спершу вкажіть його адресу й сертифікат.</translation>
    </message>
    <message>
        <source>A hub address is a host name or IP address, a colon and a port.</source>
        <translation>Адреса хаба — це ім&apos;я хоста або IP-адреса, двокрапка і порт.</translation>
    </message>
    <message>
        <source>Give both the hub&apos;s address and its certificate, or neither.</source>
        <translation>Вкажіть і адресу хаба, і його сертифікат, або нічого з цього.</translation>
    </message>
    <message>
        <source>A certificate fingerprint is 64 hexadecimal digits (SHA-256).</source>
        <translation>Відбиток сертифіката — це 64 шістнадцяткові цифри (SHA-256).</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate is not the one this laptop pinned: nothing was sent. Check the address with the coordinator.</source>
        <translation>Сертифікат хаба не той, що закріплений на цьому ноутбуці: нічого не надіслано. Перевірте адресу з координатором.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>Не вдалося прочитати відповідь хаба.</translation>
    </message>
    <message>
        <source>The hub refused the request ({status} {reason}).</source>
        <translation>Хаб відхилив запит ({status} {reason}).</translation>
    </message>
    <message>
        <source>The hub could not write the roster ({reason}).</source>
        <translation>Хаб не зміг записати реєстр ({reason}).</translation>
    </message>
    <message>
        <source>A hub certificate is already in that folder; nothing was overwritten.</source>
        <translation>У цій теці вже є сертифікат хаба; нічого не перезаписано.</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate files cannot be read or written ({reason}).</source>
        <translation>Файли сертифіката хаба неможливо прочитати або записати ({reason}).</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate or key file is not a usable TLS certificate and key.</source>
        <translation>Файл сертифіката або ключа хаба не є придатним сертифікатом і ключем TLS.</translation>
    </message>
    <message>
        <source>The hub cannot listen on that address ({reason}).</source>
        <translation>Хаб не може слухати на цій адресі ({reason}).</translation>
    </message>
    <message>
        <source>This enrollment request is damaged or not signed by its laptop ({part}).</source>
        <translation>Цей запит на приєднання пошкоджено або не підписано його ноутбуком ({part}).</translation>
    </message>
    <message>
        <source>This enrollment answer is damaged or not signed by the network ({part}).</source>
        <translation>Цю відповідь на приєднання пошкоджено або не підписано мережею ({part}).</translation>
    </message>
    <message>
        <source>This enrollment file was made by a newer fieldreg.</source>
        <translation>Цей файл приєднання створено новішою версією fieldreg.</translation>
    </message>
    <message>
        <source>{field}: an assigned prefix has 2 to {max} symbols and does not start with Z.</source>
        <translation>{field}: призначений префікс має від 2 до {max} символів і не починається з Z.</translation>
    </message>
    <message>
        <source>The prefix {prefix} belongs to another device.</source>
        <translation>Префікс {prefix} належить іншому пристрою.</translation>
    </message>
    <message>
        <source>The network fingerprint does not match the coordinator&apos;s: do not use this answer.</source>
        <translation>Відбиток мережі не збігається з відбитком координатора: не використовуйте цю відповідь.</translation>
    </message>
    <message>
        <source>This answer was made for another laptop&apos;s request.</source>
        <translation>Цю відповідь створено на запит іншого ноутбука.</translation>
    </message>
    <message>
        <source>The bundle file is empty.</source>
        <translation>Файл пакета порожній.</translation>
    </message>
    <message>
        <source>The file is too large to be a bundle (at most {max}).</source>
        <translation>Файл завеликий для пакета (щонайбільше {max}).</translation>
    </message>
    <message>
        <source>This file is not a fieldreg bundle.</source>
        <translation>Це не пакет fieldreg.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer fieldreg (format {version}).</source>
        <translation>Цей пакет створено новішою версією fieldreg (формат {version}).</translation>
    </message>
    <message>
        <source>The bundle is incomplete: the file was cut short.</source>
        <translation>Пакет неповний: файл обірвано.</translation>
    </message>
    <message>
        <source>The bundle&apos;s {part} is larger than allowed ({max}).</source>
        <translation>Частина пакета «{part}» більша за дозволене ({max}).</translation>
    </message>
    <message>
        <source>The bundle has unexpected data after its end.</source>
        <translation>Після кінця пакета є зайві дані.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature is malformed ({part}).</source>
        <translation>Підпис пакета пошкоджено ({part}).</translation>
    </message>
    <message>
        <source>The bundle&apos;s header is invalid ({key}).</source>
        <translation>Заголовок пакета недійсний ({key}).</translation>
    </message>
    <message>
        <source>The bundle holds too many events (at most {max}).</source>
        <translation>У пакеті забагато подій (щонайбільше {max}).</translation>
    </message>
    <message>
        <source>The bundle belongs to another network.</source>
        <translation>Пакет належить до іншої мережі.</translation>
    </message>
    <message>
        <source>The bundle comes from a device this coordinator never enrolled.</source>
        <translation>Пакет надійшов із пристрою, якого цей координатор ніколи не приєднував.</translation>
    </message>
    <message>
        <source>The device was revoked: its bundles are accepted only up to event {up_to}.</source>
        <translation>Пристрій відкликано: його пакети приймаються лише до події {up_to}.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match: it was altered or forged.</source>
        <translation>Підпис пакета не збігається: його змінено або підроблено.</translation>
    </message>
    <message>
        <source>The bundle&apos;s encryption header is invalid ({reason}).</source>
        <translation>Заголовок шифрування пакета недійсний ({reason}).</translation>
    </message>
    <message>
        <source>The bundle was not encrypted to this coordinator.</source>
        <translation>Пакет зашифровано не для цього координатора.</translation>
    </message>
    <message>
        <source>The bundle does not decrypt: its content is incomplete or altered.</source>
        <translation>Пакет не розшифровується: його вміст неповний або змінений.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content does not match its signed header.</source>
        <translation>Вміст пакета не відповідає його підписаному заголовку.</translation>
    </message>
    <message>
        <source>The bundle&apos;s content is malformed ({reason}).</source>
        <translation>Вміст пакета пошкоджено ({reason}).</translation>
    </message>
    <message>
        <source>Event {seq} in the bundle is invalid ({reason}).</source>
        <translation>Подія {seq} у пакеті недійсна ({reason}).</translation>
    </message>
    <message>
        <source>The bundle&apos;s events are not chained correctly at event {seq}.</source>
        <translation>Події пакета неправильно пов’язані в ланцюжок на події {seq}.</translation>
    </message>
    <message>
        <source>ALARM: device {device} signed two different histories (event {seq}). Nothing was imported; check the device.</source>
        <translation>ТРИВОГА: пристрій {device} підписав дві різні історії (подія {seq}). Нічого не імпортовано; перевірте пристрій.</translation>
    </message>
    <message>
        <source>Nothing new to export since the last bundle.</source>
        <translation>Після останнього пакета немає нічого нового для експорту.</translation>
    </message>
    <message>
        <source>Choose events between 1 and {last}, first not after last.</source>
        <translation>Виберіть події від 1 до {last}; перша не може йти після останньої.</translation>
    </message>
    <message>
        <source>The bundle did not read back correctly; it was removed. Try another stick.</source>
        <translation>Записаний пакет не прочитався правильно, його вилучено. Спробуйте іншу флешку.</translation>
    </message>
    <message>
        <source>The roster file is empty.</source>
        <translation>Файл списку порожній.</translation>
    </message>
    <message>
        <source>The file is too large to be a roster (at most {max}).</source>
        <translation>Файл завеликий для списку (щонайбільше {max}).</translation>
    </message>
    <message>
        <source>This file is not a fieldreg roster.</source>
        <translation>Це не список fieldreg.</translation>
    </message>
    <message>
        <source>This roster was made by a newer fieldreg (format {version}).</source>
        <translation>Цей список створено новішою версією fieldreg (формат {version}).</translation>
    </message>
    <message>
        <source>The roster is incomplete: the file was cut short.</source>
        <translation>Список неповний: файл обірвано.</translation>
    </message>
    <message>
        <source>The roster&apos;s {part} is larger than allowed ({max}).</source>
        <translation>Частина списку {part} більша, ніж дозволено ({max}).</translation>
    </message>
    <message>
        <source>The roster has unexpected data after its end.</source>
        <translation>Після кінця списку є зайві дані.</translation>
    </message>
    <message>
        <source>The roster&apos;s signature is malformed ({part}).</source>
        <translation>Підпис списку пошкоджено ({part}).</translation>
    </message>
    <message>
        <source>The roster&apos;s header is invalid ({key}).</source>
        <translation>Заголовок списку недійсний ({key}).</translation>
    </message>
    <message>
        <source>The roster belongs to another network.</source>
        <translation>Список належить іншій мережі.</translation>
    </message>
    <message>
        <source>The roster was written for another laptop.</source>
        <translation>Список створено для іншого ноутбука.</translation>
    </message>
    <message>
        <source>The roster was written for this laptop&apos;s enrollment {epoch}, but its certificate is enrollment {ours}.</source>
        <translation>Список створено для реєстрації {epoch} цього ноутбука, а його сертифікат — реєстрація {ours}.</translation>
    </message>
    <message>
        <source>The roster&apos;s signature does not match the network&apos;s key: it was altered or forged.</source>
        <translation>Підпис списку не відповідає ключу мережі: його змінено або підроблено.</translation>
    </message>
    <message>
        <source>The roster is version {version}, not newer than the version {applied} this laptop has applied. The current roster is kept.</source>
        <translation>Список має версію {version}, не новішу за версію {applied}, застосовану на цьому ноутбуці. Поточний список збережено.</translation>
    </message>
    <message>
        <source>The roster holds the changes since version {base}, but this laptop has version {applied}. The current roster is kept; ask the coordinator for a full roster.</source>
        <translation>Список містить зміни після версії {base}, а цей ноутбук має версію {applied}. Поточний список збережено; попросіть у координатора повний список.</translation>
    </message>
    <message>
        <source>The roster expired on {expired}. The current roster is kept; ask the coordinator for a new one.</source>
        <translation>Термін дії списку минув {expired}. Поточний список збережено; попросіть у координатора новий.</translation>
    </message>
    <message>
        <source>The roster&apos;s encryption header is invalid ({reason}).</source>
        <translation>Заголовок шифрування списку недійсний ({reason}).</translation>
    </message>
    <message>
        <source>The roster was not encrypted to this laptop&apos;s key.</source>
        <translation>Список зашифровано не ключем цього ноутбука.</translation>
    </message>
    <message>
        <source>The roster does not decrypt: its content is incomplete or altered.</source>
        <translation>Список не розшифровується: його вміст неповний або змінений.</translation>
    </message>
    <message>
        <source>The roster&apos;s content does not match its signed header.</source>
        <translation>Вміст списку не відповідає його підписаному заголовку.</translation>
    </message>
    <message>
        <source>The roster&apos;s content unpacks to more than {max}; it was refused.</source>
        <translation>Вміст списку розпаковується в понад {max}; його відхилено.</translation>
    </message>
    <message>
        <source>The roster&apos;s content is malformed ({reason}).</source>
        <translation>Вміст реєстру пошкоджено ({reason}).</translation>
    </message>
    <message>
        <source>There is no open conflict on this field.</source>
        <translation>У цьому полі немає відкритого конфлікту.</translation>
    </message>
    <message>
        <source>Choose a value from 0 to {max}.</source>
        <translation>Виберіть значення від 0 до {max}.</translation>
    </message>
    <message>
        <source>A person cannot be a duplicate of themselves.</source>
        <translation>Особа не може бути дублікатом самої себе.</translation>
    </message>
    <message>
        <source>{id} is not marked as the same person as {of}.</source>
        <translation>{id} не позначено як ту саму особу, що й {of}.</translation>
    </message>
    <message>
        <source>The scanned text is too long for a fieldreg code (at most {max} characters).</source>
        <translation>Зісканований текст задовгий для коду fieldreg (щонайбільше {max} символів).</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <translation>Нічого не зіскановано.</translation>
    </message>
    <message>
        <source>This fieldreg code is damaged or incomplete.</source>
        <translation>Цей код fieldreg пошкоджено або він неповний.</translation>
    </message>
    <message>
        <source>This code was not made by fieldreg.</source>
        <translation>Цей код створено не в fieldreg.</translation>
    </message>
    <message>
        <source>This code was made by a newer fieldreg (format {version}). Update fieldreg to read it.</source>
        <translation>Цей код створено новішою версією fieldreg (формат {version}). Оновіть fieldreg, щоб його прочитати.</translation>
    </message>
    <message>
        <source>This could be two different IDs: type it with the Latin keyboard layout.</source>
        <translation>Це можуть бути два різні ID: наберіть його в латинській розкладці.</translation>
    </message>
    <message>
        <source>This band was replaced by a newer one. Check the person and take the old band off.</source>
        <translation>Цей браслет замінено новим. Перевірте людину й зніміть старий браслет.</translation>
    </message>
    <message>
        <source>This band is not in this laptop&apos;s records (printed elsewhere and not synced yet?). Check the person.</source>
        <translation>Цього браслета немає в записах ноутбука (надруковано деінде й ще не синхронізовано?). Перевірте людину.</translation>
    </message>
    <message>
        <source>There is no label stock named {stock}.</source>
        <translation>Немає носія для етикеток із назвою {stock}.</translation>
    </message>
    <message>
        <source>{stock} is a sheet for office printers; ZPL is for thermal bands only.</source>
        <translation>{stock} — аркуш для офісних принтерів; ZPL лише для термобраслетів.</translation>
    </message>
    <message>
        <source>This is not a valid printer queue name.</source>
        <translation>Це неправильна назва черги друку.</translation>
    </message>
    <message>
        <source>There is no printer queue named {queue}. Nothing was printed.</source>
        <translation>Черги друку {queue} немає. Нічого не надруковано.</translation>
    </message>
    <message>
        <source>The printer queue {queue} is stopped. Nothing was printed.</source>
        <translation>Чергу друку {queue} зупинено. Нічого не надруковано.</translation>
    </message>
    <message>
        <source>The printer queue {queue} is not accepting jobs. Nothing was printed.</source>
        <translation>Черга друку {queue} не приймає завдань. Нічого не надруковано.</translation>
    </message>
    <message>
        <source>The printing system (CUPS) is not running. Nothing was printed.</source>
        <translation>Система друку (CUPS) не працює. Нічого не надруковано.</translation>
    </message>
    <message>
        <source>Sending ZPL to a printer queue needs CUPS (the lp command), which this computer lacks.</source>
        <translation>Щоб надіслати ZPL у чергу друку, потрібна CUPS (команда lp), а на цьому комп’ютері її немає.</translation>
    </message>
    <message>
        <source>The printer queue {queue} did not take the job. No band was marked as issued.</source>
        <translation>Черга друку {queue} не прийняла завдання. Жоден браслет не позначено як виданий.</translation>
    </message>
    <message>
        <source>The printer or file could not be opened. No band was marked as issued.</source>
        <translation>Не вдалося відкрити принтер або файл. Жоден браслет не позначено як виданий.</translation>
    </message>
    <message>
        <source>The file could not be written ({reason}). No band was marked as issued.</source>
        <translation>Не вдалося записати файл ({reason}). Жоден браслет не позначено як виданий.</translation>
    </message>
    <message>
        <source>This household has no members to print for.</source>
        <translation>У цьому домогосподарстві немає членів, для яких друкувати.</translation>
    </message>
    <message>
        <source>At most {max} labels can be printed at once.</source>
        <translation>За раз можна надрукувати щонайбільше {max} етикеток.</translation>
    </message>
    <message>
        <source>The printing settings are damaged ({key}); reset them (fieldreg band settings --reset).</source>
        <translation>Налаштування друку пошкоджено ({key}); скиньте їх (fieldreg band settings --reset).</translation>
    </message>
    <message>
        <source>The printing settings could not be read ({reason}).</source>
        <translation>Не вдалося прочитати налаштування друку ({reason}).</translation>
    </message>
    <message>
        <source>The printing settings could not be saved ({reason}).</source>
        <translation>Не вдалося зберегти налаштування друку ({reason}).</translation>
    </message>
    <message>
        <source>The file could not be written ({reason}).</source>
        <translation>Не вдалося записати файл ({reason}).</translation>
    </message>
    <message>
        <source>There is no column named {column}.</source>
        <translation>Стовпця {column} немає.</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Виберіть хоча б один стовпець.</translation>
    </message>
    <message>
        <source>The PFIF domain must be a domain name, such as registry.example.org.</source>
        <translation>Домен PFIF має бути доменним ім’ям, наприклад registry.example.org.</translation>
    </message>
    <message>
        <source>Encrypt either to a passphrase or to recipients, not both.</source>
        <translation>Шифруйте або парольною фразою, або для одержувачів, але не обома способами.</translation>
    </message>
    <message>
        <source>Give a passphrase or a recipient to encrypt the export.</source>
        <translation>Укажіть парольну фразу або одержувача, щоб зашифрувати експорт.</translation>
    </message>
    <message>
        <source>The export passphrase must have at least {min} characters.</source>
        <translation>Парольна фраза експорту має містити щонайменше {min} символів.</translation>
    </message>
    <message>
        <source>The export could not be written ({reason}). No file was left behind.</source>
        <translation>Не вдалося записати експорт ({reason}). Жодного файлу не залишилося.</translation>
    </message>
    <message>
        <source>The PFIF file is too large (at most {limit}). Nothing was imported.</source>
        <translation>Файл PFIF завеликий (не більше {limit}). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The PFIF file is not UTF-8 text. Nothing was imported.</source>
        <translation>Файл PFIF не є текстом у UTF-8. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The PFIF file declares a document type or entities, which could read other files or exhaust memory. Nothing was imported.</source>
        <translation>Файл PFIF оголошує тип документа або сутності, які можуть прочитати інші файли чи вичерпати пам’ять. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The PFIF file is not well-formed XML (line {line}). Nothing was imported.</source>
        <translation>Файл PFIF не є правильним XML (рядок {line}). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The file is not a PFIF 1.4 document. Nothing was imported.</source>
        <translation>Файл не є документом PFIF 1.4. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The element {element} is outside the PFIF 1.4 namespace. Nothing was imported.</source>
        <translation>Елемент {element} поза простором імен PFIF 1.4. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: unknown field {field}. Nothing was imported.</source>
        <translation>PFIF {record}: невідоме поле {field}. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} appears twice. Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} трапляється двічі. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} holds elements. Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} містить елементи. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the field {field} is too long (at most {limit} characters). Nothing was imported.</source>
        <translation>PFIF {record}: поле {field} задовге (не більше {limit} символів). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the required field {field} is missing. Nothing was imported.</source>
        <translation>PFIF {record}: бракує обов’язкового поля {field}. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: {field} is not of the form domain/identifier. Nothing was imported.</source>
        <translation>PFIF {record}: {field} не має вигляду домен/ідентифікатор. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: {field} is not a UTC time (YYYY-MM-DDThh:mm:ssZ). Nothing was imported.</source>
        <translation>PFIF {record}: {field} не є часом UTC (YYYY-MM-DDThh:mm:ssZ). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF {record}: the value of {field} is not allowed. Nothing was imported.</source>
        <translation>PFIF {record}: недопустиме значення поля {field}. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF: two {record} records have the same id. Nothing was imported.</source>
        <translation>PFIF: два записи {record} мають однаковий ідентифікатор. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF: a note names a person the file does not hold. Nothing was imported.</source>
        <translation>PFIF: нотатка посилається на людину, якої у файлі немає. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>PFIF: more than {limit} records. Nothing was imported.</source>
        <translation>PFIF: понад {limit} записів. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The list is too large (at most {limit}). Nothing was imported.</source>
        <translation>Список завеликий (щонайбільше {limit}). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>Lists are read as CSV, XLSX or PFIF. Nothing was imported.</source>
        <translation>Списки читаються у форматах CSV, XLSX або PFIF. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>A CSV list is read as UTF-8 or as Windows-1251 (cp1251). Nothing was imported.</source>
        <translation>Список CSV читається в кодуванні UTF-8 або Windows-1251 (cp1251). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The CSV list is not UTF-8 text. If it was saved as Windows-1251, import it again choosing that encoding (--encoding cp1251). Nothing was imported.</source>
        <translation>Список CSV не є текстом UTF-8. Якщо його збережено у Windows-1251, імпортуйте знову, вибравши це кодування (--encoding cp1251). Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The file is not an XLSX workbook. Nothing was imported.</source>
        <translation>Файл не є книгою XLSX. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The list holds nobody with a name. Nothing was imported.</source>
        <translation>У списку немає жодної людини з ім’ям. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The list has more than {limit} columns. Nothing was imported.</source>
        <translation>У списку більше ніж {limit} стовпців. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>Line {line} of the list has a cell longer than {limit} characters. Nothing was imported.</source>
        <translation>У рядку {line} списку є клітинка довша за {limit} символів. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The list has more than {limit} lines. Nothing was imported.</source>
        <translation>У списку більше ніж {limit} рядків. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The CSV list is damaged near line {line}. Nothing was imported.</source>
        <translation>Список CSV пошкоджено біля рядка {line}. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>The column mapping is not understood ({part}); write field=column, for example family=Прізвище.</source>
        <translation>Відповідність стовпців незрозуміла ({part}); пишіть поле=стовпець, наприклад family=Прізвище.</translation>
    </message>
    <message>
        <source>The list has no column named {column}.</source>
        <translation>У списку немає стовпця {column}.</translation>
    </message>
    <message>
        <source>Choose the column of the family name (or of the full name) before importing.</source>
        <translation>Перед імпортом виберіть стовпець прізвища (або повного імені).</translation>
    </message>
    <message>
        <source>One column is chosen for two fields. Choose each column once.</source>
        <translation>Один стовпець вибрано для двох полів. Виберіть кожен стовпець лише раз.</translation>
    </message>
    <message>
        <source>Line {line} repeats an id the list already used. Nothing was imported.</source>
        <translation>Рядок {line} повторює ідентифікатор, уже використаний у списку. Нічого не імпортовано.</translation>
    </message>
    <message>
        <source>There is no such list.</source>
        <translation>Такого списку немає.</translation>
    </message>
    <message>
        <source>{field}: say where to write it (a PDF, a CSV or the protection officer&apos;s file).</source>
        <translation>{field}: вкажіть, куди записати (PDF, CSV або файл для офіцера із захисту).</translation>
    </message>
    <message>
        <source>The list has no such line.</source>
        <translation>У списку немає такого рядка.</translation>
    </message>
    <message>
        <source>A stored list does not open with this store&apos;s key: it was altered.</source>
        <translation>Збережений список не відкривається ключем цього сховища: його змінено.</translation>
    </message>
    <message>
        <source>The field {field} cannot be sent in a roster.</source>
        <translation>Поле {field} не можна надсилати в реєстрі.</translation>
    </message>
    <message>
        <source>The roster file could not be written ({reason}).</source>
        <translation>Не вдалося записати файл реєстру ({reason}).</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator: it can no longer export bundles.</source>
        <translation>Координатор відкликав цей ноутбук: він більше не може експортувати пакети.</translation>
    </message>
    <message>
        <source>No transport with ID {id}.</source>
        <translation>Немає транспорту з ID {id}.</translation>
    </message>
    <message>
        <source>{id} is not on the passenger list of transport {transport}.</source>
        <translation>{id} немає в списку пасажирів транспорту {transport}.</translation>
    </message>
    <message>
        <source>The transport is full (seats: {capacity}): no one more can be assigned.</source>
        <translation>Транспорт заповнено (місць: {capacity}): більше нікого призначити не можна.</translation>
    </message>
    <message>
        <source>{field}: a whole number of seats, 1 to {max}.</source>
        <translation>{field}: ціле число місць, від 1 до {max}.</translation>
    </message>
    <message>
        <source>{field}: write the date and time as DD.MM.YYYY HH:MM, such as 05.12.2026 08:00.</source>
        <translation>{field}: пишіть дату й час як ДД.ММ.РРРР ГГ:ХХ, наприклад 05.12.2026 08:00.</translation>
    </message>
    <message>
        <source>{field}: letters, digits and hyphens only, such as 12 or 3A.</source>
        <translation>{field}: лише літери, цифри й дефіси, як-от 12 або 3A.</translation>
    </message>
    <message>
        <source>{field}: a passenger cannot be their own escort.</source>
        <translation>{field}: пасажир не може супроводжувати сам себе.</translation>
    </message>
    <message>
        <source>Seat {seat} is already given to another passenger.</source>
        <translation>Місце {seat} уже надано іншому пасажирові.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <translation>Експортувати в</translation>
    </message>
    <message numerus="yes">
        <source>%n people written to {path}.</source>
        <translation>
            <numerusform>%n людину записано в {path}.</numerusform>
            <numerusform>%n людей записано в {path}.</numerusform>
            <numerusform>%n людей записано в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file will hold personal data of the people who consented to tracing. Keep it only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Файл міститиме персональні дані людей, які погодилися на розшук. Зберігайте його лише там, де це необхідно, шифруйте, де можливо, і видаліть, коли він виконає своє призначення.</translation>
    </message>
    <message>
        <source>The file will hold personal data of every person the filters keep. Keep it only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Файл міститиме персональні дані всіх людей, яких залишають фільтри. Зберігайте його лише там, де це необхідно, шифруйте, де можливо, і видаліть, коли він виконає своє призначення.</translation>
    </message>
    <message>
        <source>registered {start} to {end}</source>
        <translation>зареєстровані з {start} по {end}</translation>
    </message>
    <message>
        <source>Everyone (the roster&apos;s filters)</source>
        <translation>Усі (фільтри списку)</translation>
    </message>
    <message>
        <source>Export people</source>
        <translation>Експорт людей</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Таблиця CSV</translation>
    </message>
    <message>
        <source>XLSX workbook</source>
        <translation>Книга XLSX</translation>
    </message>
    <message>
        <source>PFIF 1.4 (family tracing)</source>
        <translation>PFIF 1.4 (розшук родин)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Рік народження</translation>
    </message>
    <message>
        <source>Any (on a transport or not)</source>
        <translation>Будь-хто (на транспорті чи ні)</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Без шифрування</translation>
    </message>
    <message>
        <source>Encrypted to a passphrase (age)</source>
        <translation>Зашифровано парольною фразою (age)</translation>
    </message>
    <message>
        <source>Encrypted to a recipient (age)</source>
        <translation>Зашифровано для одержувача (age)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Формат</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Стовпці</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>&amp;Encryption</source>
        <translation>&amp;Шифрування</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольна фраза</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>П&amp;овторіть</translation>
    </message>
    <message>
        <source>Re&amp;cipient (age1…)</source>
        <translation>Од&amp;ержувач (age1…)</translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation>&amp;Транспорт</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Експортувати…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Family name</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Family name (Latin)</source>
        <translation>Прізвище (латиницею)</translation>
    </message>
    <message>
        <source>Given name (Latin)</source>
        <translation>Ім’я (латиницею)</translation>
    </message>
    <message>
        <source>Patronymic (Latin)</source>
        <translation>По батькові (латиницею)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Settlement of origin</source>
        <translation>Населений пункт, звідки прибули</translation>
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
        <translation>Країна</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Громадянство</translation>
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
        <translation>Мови</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потреби</translation>
    </message>
    <message>
        <source>Note on needs</source>
        <translation>Примітка щодо потреб</translation>
    </message>
    <message>
        <source>Consent to data processing</source>
        <translation>Згода на обробку даних</translation>
    </message>
    <message>
        <source>Consent to tracing</source>
        <translation>Згода на розшук</translation>
    </message>
    <message>
        <source>Wishes to be evacuated</source>
        <translation>Бажає евакуюватися</translation>
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
        <translation>Місце</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домогосподарство</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члени домогосподарства</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Ким доводиться</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>Reception point</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольна фраза</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Ключ відновлення</translation>
    </message>
    <message>
        <source>ID prefix</source>
        <translation>Префікс ID</translation>
    </message>
    <message>
        <source>Kind of transport</source>
        <translation>Вид транспорту</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>Назва або номер</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Border crossing</source>
        <translation>Пункт перетину кордону</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>Запланований виїзд</translation>
    </message>
    <message>
        <source>Receiving party</source>
        <translation>Приймальна сторона</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Місткість</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Assistance on the way</source>
        <translation>Допомога в дорозі</translation>
    </message>
    <message>
        <source>Escorting adult</source>
        <translation>Супровідний дорослий</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Choose the store folder</source>
        <translation>Виберіть теку сховища</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
    <message>
        <source>The two network passphrases differ.</source>
        <translation>Дві парольні фрази мережі різняться.</translation>
    </message>
    <message>
        <source>Group {number} does not match the key. Look at what you wrote down, or show the key again.</source>
        <translation>Група {number} не збігається з ключем. Перевірте записане або покажіть ключ ще раз.</translation>
    </message>
    <message>
        <source>Welcome to fieldreg</source>
        <translation>Вітаємо у fieldreg</translation>
    </message>
    <message>
        <source>There is no store on this laptop yet. Create one to start registering people, or open a store folder that already exists.</source>
        <translation>На цьому ноутбуці ще немає сховища. Створіть його, щоб почати реєструвати людей, або відкрийте теку наявного сховища.</translation>
    </message>
    <message>
        <source>&amp;Create a new store</source>
        <translation>&amp;Створити нове сховище</translation>
    </message>
    <message>
        <source>It will be kept in: {folder}</source>
        <translation>Воно зберігатиметься тут: {folder}</translation>
    </message>
    <message>
        <source>Create a coordinator &amp;hub</source>
        <translation>Створити &amp;координаційний центр</translation>
    </message>
    <message>
        <source>For the coordinator&apos;s computer: it creates the network that reception laptops enroll in, and imports their work.</source>
        <translation>Для комп’ютера координатора: створює мережу, до якої приєднуються ноутбуки пунктів прийому, і імпортує їхню роботу.</translation>
    </message>
    <message>
        <source>&amp;Open an existing store folder…</source>
        <translation>&amp;Відкрити теку наявного сховища…</translation>
    </message>
    <message>
        <source>Or a coordinator&apos;s store on a ser&amp;ver:</source>
        <translation>Або сховище координатора на с&amp;ервері:</translation>
    </message>
    <message>
        <source>Address of the store&apos;s PostgreSQL server</source>
        <translation>Адреса сервера PostgreSQL зі сховищем</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://користувач@сервер/база</translation>
    </message>
    <message>
        <source>Open the server&apos;s store</source>
        <translation>Відкрити сховище на сервері</translation>
    </message>
    <message>
        <source>The password is not part of the address: the server&apos;s own authentication supplies it (~/.pgpass, or peer on the server&apos;s own computer), or, if the server asks for one, type it in the field that then appears.</source>
        <translation>Пароль не входить до адреси: його надає автентифікація самого сервера (~/.pgpass або peer на комп’ютері сервера), або, якщо сервер його попросить, введіть його в поле, що тоді з’явиться.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Запит до сервера…</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>Створення сховища</translation>
    </message>
    <message>
        <source>Create the coordinator hub</source>
        <translation>Створення координаційного центру</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters that you can type without looking, such as four unrelated words. Everyone who uses this laptop after you will need it, or a passphrase of their own.</source>
        <translation>Виберіть парольну фразу щонайменше з 10 символів, яку зможете набрати не підглядаючи, наприклад чотири не пов’язані між собою слова. Вона знадобиться кожному, хто працюватиме на цьому ноутбуці після вас, якщо в нього не буде власної.</translation>
    </message>
    <message>
        <source>The network passphrase is a second, different one: it protects the network&apos;s signing key and is asked for only to enroll, revoke or recover a laptop.</source>
        <translation>Парольна фраза мережі — друга, інша: вона захищає ключ підпису мережі, і її питають лише для приєднання, відкликання чи відновлення ноутбука.</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Координаційний центр</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Повторіть парольну фразу</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольна фраза мережі</translation>
    </message>
    <message>
        <source>Repeat the network passphrase</source>
        <translation>Повторіть парольну фразу мережі</translation>
    </message>
    <message>
        <source>&amp;Reception point</source>
        <translation>П&amp;ункт прийому</translation>
    </message>
    <message>
        <source>&amp;Hub</source>
        <translation>&amp;Координаційний центр</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ваше &amp;ім’я</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольна фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat it</source>
        <translation>Пов&amp;торіть її</translation>
    </message>
    <message>
        <source>Ne&amp;twork passphrase</source>
        <translation>Парольна фраза &amp;мережі</translation>
    </message>
    <message>
        <source>Repeat the net&amp;work passphrase</source>
        <translation>Повторіть фразу ме&amp;режі</translation>
    </message>
    <message>
        <source>e.g. Regional coordination, Lviv</source>
        <translation>напр. Обласна координація, Львів</translation>
    </message>
    <message>
        <source>e.g. School 5, gym</source>
        <translation>напр. Школа 5, спортзал</translation>
    </message>
    <message>
        <source>a first name or a call sign</source>
        <translation>ім’я або позивний</translation>
    </message>
    <message>
        <source>C&amp;reate the store</source>
        <translation>Створити с&amp;ховище</translation>
    </message>
    <message>
        <source>C&amp;reate the hub</source>
        <translation>Створити &amp;центр</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Creating the network&apos;s keys and the hub&apos;s store, protected by your passphrases…</source>
        <translation>Створюємо ключі мережі та сховище центру, захищені вашими парольними фразами…</translation>
    </message>
    <message>
        <source>Creating the store and protecting it with your passphrase…</source>
        <translation>Створюємо сховище й захищаємо його вашою парольною фразою…</translation>
    </message>
    <message>
        <source>Write down the recovery key</source>
        <translation>Запишіть ключ відновлення</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, this key is the only way to open the store. Write it on paper now and keep it apart from this computer. It is shown only once and is not kept here.</source>
        <translation>Якщо всі парольні фрази забуто, лише цей ключ відкриє сховище. Запишіть його на папері зараз і зберігайте окремо від цього комп’ютера. Його показано лише раз, і тут він не зберігається.</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, this key is the only way to open the store. Write it on paper now and give it to your coordinator. It is shown only once and is not kept on this laptop.</source>
        <translation>Якщо всі парольні фрази забуто, лише цим ключем можна відкрити сховище. Запишіть його на папері зараз і передайте координатору. Ключ показано лише один раз, на ноутбуці він не зберігається.</translation>
    </message>
    <message>
        <source>Network fingerprint (read it out to every laptop that enrolls): {fingerprint}</source>
        <translation>Відбиток мережі (прочитайте його вголос кожному ноутбуку, що приєднується): {fingerprint}</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Ключ відновлення</translation>
    </message>
    <message>
        <source>I have &amp;written it down</source>
        <translation>Я &amp;записав(-ла) ключ</translation>
    </message>
    <message>
        <source>Check what you wrote down</source>
        <translation>Перевірте записане</translation>
    </message>
    <message>
        <source>Type two groups of the key from your paper, to be sure it is right.</source>
        <translation>Наберіть дві групи ключа зі свого запису, щоб переконатися, що він правильний.</translation>
    </message>
    <message>
        <source>Group &amp;{number}</source>
        <translation>Група &amp;{number}</translation>
    </message>
    <message>
        <source>Group {number} of the recovery key</source>
        <translation>Група {number} ключа відновлення</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Далі</translation>
    </message>
    <message>
        <source>&amp;Show the key again</source>
        <translation>&amp;Показати ключ ще раз</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
</context>
<context>
    <name>HomePoints</name>
    <message>
        <source>from {point}</source>
        <translation>з пункту {point}</translation>
    </message>
</context>
<context>
    <name>HouseholdLinks</name>
    <message>
        <source>Not in a household.</source>
        <translation>Не входить до домогосподарства.</translation>
    </message>
    <message numerus="yes">
        <source>Household %1, %n members</source>
        <translation>
            <numerusform>Домогосподарство %1, %n особа</numerusform>
            <numerusform>Домогосподарство %1, %n особи</numerusform>
            <numerusform>Домогосподарство %1, %n осіб</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Register a household</source>
        <translation>Реєстрація домогосподарства</translation>
    </message>
    <message>
        <source>&amp;Members (Enter: edit, Delete: remove)</source>
        <translation>&amp;Члени (Enter — змінити, Delete — вилучити)</translation>
    </message>
    <message>
        <source>Scan a band or type an ID to add a registered person</source>
        <translation>Зіскануйте браслет або наберіть ID, щоб додати зареєстровану людину</translation>
    </message>
    <message>
        <source>Band or ID</source>
        <translation>Браслет або ID</translation>
    </message>
    <message>
        <source>Alt+B</source>
        <translation>Alt+B</translation>
    </message>
    <message>
        <source>Save household (Ctrl+Enter)</source>
        <translation>Зберегти домогосподарство (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <source>Type a member, or press Ctrl+Enter to save.</source>
        <translation>Введіть члена домогосподарства або натисніть Ctrl+Enter, щоб зберегти.</translation>
    </message>
    <message>
        <source>Add or clear the member being typed first.</source>
        <translation>Спершу додайте або очистьте члена, якого вводите.</translation>
    </message>
    <message>
        <source>A registered person is edited on their own page.</source>
        <translation>Зареєстровану людину змінюють на її власній сторінці.</translation>
    </message>
    <message>
        <source>This person is already in the household.</source>
        <translation>Ця людина вже є в домогосподарстві.</translation>
    </message>
    <message>
        <source>Add at least one member.</source>
        <translation>Додайте хоча б одного члена.</translation>
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
        <translation>Адреса &amp;хаба</translation>
    </message>
    <message>
        <source>host:port, empty: sync by files only</source>
        <translation>хост:порт; порожньо — синхронізація лише файлами</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Адреса хаба</translation>
    </message>
    <message>
        <source>Hub &amp;certificate</source>
        <translation>&amp;Сертифікат хаба</translation>
    </message>
    <message>
        <source>SHA-256 the coordinator reads out</source>
        <translation>SHA-256, який зачитує координатор</translation>
    </message>
    <message>
        <source>Hub certificate fingerprint</source>
        <translation>Відбиток сертифіката хаба</translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>Hub: syncing…</source>
        <translation>Хаб: синхронізація…</translation>
    </message>
    <message>
        <source>Hub: {reason}</source>
        <translation>Хаб: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Hub not reachable ({time}); %n bundles waiting</source>
        <translation>
            <numerusform>Хаб недоступний ({time}); пакетів в очікуванні: %n</numerusform>
            <numerusform>Хаб недоступний ({time}); пакетів в очікуванні: %n</numerusform>
            <numerusform>Хаб недоступний ({time}); пакетів в очікуванні: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hub: synced at {time}, %n bundles sent</source>
        <translation>
            <numerusform>Хаб: синхронізовано о {time}, надіслано пакетів: %n</numerusform>
            <numerusform>Хаб: синхронізовано о {time}, надіслано пакетів: %n</numerusform>
            <numerusform>Хаб: синхронізовано о {time}, надіслано пакетів: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} refused</source>
        <translation>, відхилено: {count}</translation>
    </message>
    <message>
        <source>, roster {version} applied</source>
        <translation>, застосовано реєстр {version}</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>Last import: files {files} · imported {imported} · rejected {rejected} · people in conflict {conflicts}</source>
        <translation>Останній імпорт: файлів {files} · імпортовано {imported} · відхилено {rejected} · людей у конфлікті {conflicts}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Пристрій</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Нових</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Результати імпорту</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Уже імпортовано: нічого не змінилося.</translation>
    </message>
    <message>
        <source>Held until the bundle before it arrives.</source>
        <translation>Відкладено, доки не надійде попередній пакет.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Імпортовано.</translation>
    </message>
    <message>
        <source>Events that were here already: {known}.</source>
        <translation>Подій, які вже були тут: {known}.</translation>
    </message>
    <message>
        <source>Held bundles applied too: {count}.</source>
        <translation>Також застосовано відкладених пакетів: {count}.</translation>
    </message>
    <message>
        <source>People in conflict: {count}.</source>
        <translation>Людей у конфлікті: {count}.</translation>
    </message>
    <message>
        <source>Rejected, moved to quarantine: {reason}</source>
        <translation>Відхилено й переміщено в карантин: {reason}</translation>
    </message>
    <message>
        <source>Rejected: {reason}</source>
        <translation>Відхилено: {reason}</translation>
    </message>
    <message>
        <source>A held bundle was rejected: {reason}</source>
        <translation>Відкладений пакет відхилено: {reason}</translation>
    </message>
</context>
<context>
    <name>KinshipWarning</name>
    <message>
        <source>Warning</source>
        <translation>Попередження</translation>
    </message>
    <message>
        <source>A spouse or partner under 16: check the relationship.</source>
        <translation>Чоловікові, дружині або партнерові менше 16 років: перевірте, ким доводиться.</translation>
    </message>
    <message>
        <source>A child of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Дитина голови народилася в {member} р., а голова — в {head} р.: перевірте, ким доводиться.</translation>
    </message>
    <message>
        <source>A grandchild of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Онук або онука голови народилися в {member} р., а голова — в {head} р.: перевірте, ким доводиться.</translation>
    </message>
    <message>
        <source>A parent of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Батько або мати голови народилися в {member} р., а голова — в {head} р.: перевірте, ким доводиться.</translation>
    </message>
    <message>
        <source>A grandparent of the head born in {member}, the head in {head}: check the relationship.</source>
        <translation>Дідусь або бабуся голови народилися в {member} р., а голова — в {head} р.: перевірте, ким доводиться.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Arrived</source>
        <translation>Прибув(-ла)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Очікує</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <translation>Направлено до лікаря</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Виїхав(-ла)</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>Reunited</source>
        <translation>Возз’єднано з рідними</translation>
    </message>
    <message>
        <source>Left on own</source>
        <translation>Пішов(-ла) самостійно</translation>
    </message>
    <message>
        <source>Arrived</source>
        <comment>status, female</comment>
        <translation>Прибула</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>status, female</comment>
        <translation>Очікує</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <comment>status, female</comment>
        <translation>Направлена до лікаря</translation>
    </message>
    <message>
        <source>Departed</source>
        <comment>status, female</comment>
        <translation>Виїхала</translation>
    </message>
    <message>
        <source>Handed over</source>
        <comment>status, female</comment>
        <translation>Передана</translation>
    </message>
    <message>
        <source>Reunited</source>
        <comment>status, female</comment>
        <translation>Возз’єдналася з рідними</translation>
    </message>
    <message>
        <source>Left on own</source>
        <comment>status, female</comment>
        <translation>Пішла самостійно</translation>
    </message>
    <message>
        <source>Arrived</source>
        <comment>status, male</comment>
        <translation>Прибув</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>status, male</comment>
        <translation>Очікує</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <comment>status, male</comment>
        <translation>Направлений до лікаря</translation>
    </message>
    <message>
        <source>Departed</source>
        <comment>status, male</comment>
        <translation>Виїхав</translation>
    </message>
    <message>
        <source>Handed over</source>
        <comment>status, male</comment>
        <translation>Переданий</translation>
    </message>
    <message>
        <source>Reunited</source>
        <comment>status, male</comment>
        <translation>Возз’єднався з рідними</translation>
    </message>
    <message>
        <source>Left on own</source>
        <comment>status, male</comment>
        <translation>Пішов самостійно</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Медична допомога</translation>
    </message>
    <message>
        <source>Mobility</source>
        <translation>Обмежена рухливість</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Вагітність</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Elderly, alone</source>
        <translation>Літня людина без супроводу</translation>
    </message>
    <message>
        <source>Unaccompanied child</source>
        <translation>Дитина без супроводу</translation>
    </message>
    <message>
        <source>Separated child</source>
        <translation>Дитина, розлучена з батьками</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Голова домогосподарства</translation>
    </message>
    <message>
        <source>Spouse or partner</source>
        <translation>Чоловік, дружина або партнер</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Дитина</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Батько або мати</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Брат або сестра</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Онук або онука</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Дідусь або бабуся</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Інший родич</translation>
    </message>
    <message>
        <source>Not related</source>
        <translation>Не родич</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Ще не вирішив(-ла)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Жіноча</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Чоловіча</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Інша</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <source>same ID</source>
        <translation>той самий ID</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>те саме ім’я</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>схоже написання</translation>
    </message>
    <message>
        <source>name begins the same</source>
        <translation>ім’я починається так само</translation>
    </message>
    <message>
        <source>a name differs</source>
        <translation>одне з імен відрізняється</translation>
    </message>
    <message>
        <source>written in another alphabet</source>
        <translation>написано іншою абеткою</translation>
    </message>
    <message>
        <source>names in another order</source>
        <translation>імена в іншому порядку</translation>
    </message>
    <message>
        <source>some names not compared</source>
        <translation>не всі імена порівняно</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>та сама дата народження</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>той самий рік народження</translation>
    </message>
    <message>
        <source>born a year apart</source>
        <translation>роки народження різняться на один</translation>
    </message>
    <message>
        <source>no date of birth on record</source>
        <translation>дата народження не записана</translation>
    </message>
    <message>
        <source>The person asked to be erased</source>
        <translation>Людина попросила стерти її дані</translation>
    </message>
    <message>
        <source>Registered in error</source>
        <translation>Зареєстровано помилково</translation>
    </message>
    <message>
        <source>Duplicate of an erased person</source>
        <translation>Дублікат стертого запису</translation>
    </message>
    <message>
        <source>Keeping the record puts the person at risk</source>
        <translation>Зберігання запису наражає людину на небезпеку</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Змінено</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Змінено статус</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Додано примітку</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <translation>Додано до домогосподарства</translation>
    </message>
    <message>
        <source>Left the household</source>
        <translation>Вилучено з домогосподарства</translation>
    </message>
    <message>
        <source>Band printed</source>
        <translation>Надруковано браслет</translation>
    </message>
    <message>
        <source>Band voided</source>
        <translation>Браслет анульовано</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Записано згоду</translation>
    </message>
    <message>
        <source>Marked as duplicate</source>
        <translation>Позначено як повтор</translation>
    </message>
    <message>
        <source>Duplicate mark removed</source>
        <translation>Позначку повтору знято</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Видалено</translation>
    </message>
    <message>
        <source>Purged from this laptop (retention)</source>
        <translation>Дані видалено з цього ноутбука (строк зберігання)</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>status, female</comment>
        <translation>Зареєстрована</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>status, male</comment>
        <translation>Зареєстрований</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <comment>female</comment>
        <translation>Додано до домогосподарства</translation>
    </message>
    <message>
        <source>Joined a household</source>
        <comment>male</comment>
        <translation>Додано до домогосподарства</translation>
    </message>
    <message>
        <source>Left the household</source>
        <comment>female</comment>
        <translation>Вилучено з домогосподарства</translation>
    </message>
    <message>
        <source>Left the household</source>
        <comment>male</comment>
        <translation>Вилучено з домогосподарства</translation>
    </message>
    <message>
        <source>The list&apos;s own id</source>
        <translation>Ідентифікатор у списку</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Full name (family name first)</source>
        <translation>Повне ім’я (спершу прізвище)</translation>
    </message>
    <message>
        <source>Date or year of birth</source>
        <translation>Дата або рік народження</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Місце походження</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Автобус</translation>
    </message>
    <message>
        <source>Convoy</source>
        <translation>Колона</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Поїзд</translation>
    </message>
    <message>
        <source>Other transport</source>
        <translation>Інший транспорт</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Візок</translation>
    </message>
    <message>
        <source>Stretcher</source>
        <translation>Ноші</translation>
    </message>
    <message>
        <source>Medical escort</source>
        <translation>Медичний супровід</translation>
    </message>
</context>
<context>
    <name>ListMappingDialog</name>
    <message>
        <source>Columns of the list</source>
        <translation>Стовпці списку</translation>
    </message>
    <message>
        <source>Check which column holds what. Nothing is imported until you confirm.</source>
        <translation>Перевірте, що містить кожен стовпець. Нічого не імпортується, доки ви не підтвердите.</translation>
    </message>
    <message>
        <source>(not in the list)</source>
        <translation>(немає у списку)</translation>
    </message>
    <message>
        <source>Choose the column of the family name (or of the full name).</source>
        <translation>Виберіть стовпець прізвища (або повного імені).</translation>
    </message>
    <message>
        <source>Choose each column for one field only.</source>
        <translation>Виберіть кожен стовпець лише для одного поля.</translation>
    </message>
</context>
<context>
    <name>ListReview</name>
    <message>
        <source>The list seeks</source>
        <translation>Список шукає</translation>
    </message>
    <message>
        <source>We registered</source>
        <translation>Ми зареєстрували</translation>
    </message>
    <message>
        <source>The same person (Y)</source>
        <translation>Та сама людина (Y)</translation>
    </message>
    <message>
        <source>Not this person (N)</source>
        <translation>Не ця людина (N)</translation>
    </message>
    <message>
        <source>Next (Space)</source>
        <translation>Далі (Пробіл)</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Нічого переглядати.</translation>
    </message>
    <message>
        <source>Entry {entry} of {entries}, candidate {candidate} of {candidates}</source>
        <translation>Запис {entry} з {entries}, кандидат {candidate} з {candidates}</translation>
    </message>
    <message>
        <source>likely</source>
        <translation>ймовірно</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>можливо</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists of sought persons</source>
        <translation>Списки розшукуваних осіб</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>Sought</source>
        <translation>Шукають</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Знайдено</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>Імпортувати список…</translation>
    </message>
    <message>
        <source>Review (Enter)</source>
        <translation>Переглянути (Enter)</translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation>Звіт у &amp;PDF…</translation>
    </message>
    <message>
        <source>Report as &amp;CSV…</source>
        <translation>Звіт у &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Internal protection file…</source>
        <translation>&amp;Внутрішній файл для захисту…</translation>
    </message>
    <message>
        <source>INTERNAL protection file written: {withheld} found without consent. Never give it to the list&apos;s owner.</source>
        <translation>ВНУТРІШНІЙ файл для захисту записано: знайдено без згоди — {withheld}. Ніколи не передавайте його власникові списку.</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Імпортувати список</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx *.xml)</source>
        <translation>Списки (*.csv *.xlsx *.xml)</translation>
    </message>
    <message>
        <source>{count} sought persons imported.</source>
        <translation>Імпортовано розшукуваних осіб: {count}.</translation>
    </message>
    <message>
        <source>Report written: {found} found and named, {withheld} counted only.</source>
        <translation>Звіт записано: знайдено й названо {found}, лише пораховано {withheld}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No Coordinator page on this laptop</source>
        <translation>На цьому ноутбуці немає сторінки «Координатор»</translation>
    </message>
    <message>
        <source>This store is a reception point&apos;s. Bundles are imported at a coordinator hub, a store created with “Create a coordinator hub” on its first run. This laptop hands its work over on the Sync page (Ctrl+Shift+S).</source>
        <translation>Це сховище пункту прийому. Пакети імпортують у координаційному центрі — сховищі, створеному кнопкою «Створити координаційний центр» під час першого запуску. Цей ноутбук передає свою роботу на сторінці «Синхронізація» (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>No Sync page at a coordinator hub</source>
        <translation>У координаційному центрі немає сторінки «Синхронізація»</translation>
    </message>
    <message>
        <source>This store is a coordinator hub: the laptops&apos; bundles are imported, and the roster sent back, on the Coordinator page (Ctrl+Shift+I).</source>
        <translation>Це сховище координаційного центру: пакети ноутбуків імпортують, а список надсилають назад на сторінці «Координатор» (Ctrl+Shift+I).</translation>
    </message>
    <message>
        <source>Saved: {ids}</source>
        <translation>Збережено: {ids}</translation>
    </message>
    <message>
        <source>fieldreg: registration desk</source>
        <translation>fieldreg: пункт реєстрації</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Навігація</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Register person</source>
        <translation>Зареєструвати людину</translation>
    </message>
    <message>
        <source>Register household</source>
        <translation>Зареєструвати домогосподарство</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Панель</translation>
    </message>
    <message>
        <source>Sought lists</source>
        <translation>Списки розшуку</translation>
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
        <translation>Заблокувати</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
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
        <translation>Виберіть…</translation>
    </message>
    <message>
        <source>Copy from first member (Ctrl+D)</source>
        <translation>Скопіювати з першого члена (Ctrl+D)</translation>
    </message>
    <message>
        <source>Family name, origin, phone and languages</source>
        <translation>Прізвище, походження, телефон і мови</translation>
    </message>
    <message>
        <source>Add member (Enter)</source>
        <translation>Додати члена (Enter)</translation>
    </message>
</context>
<context>
    <name>MembersTable</name>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Народження</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Ким доводиться</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члени</translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>зареєстровано як %1</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <source>there is no such folder or file</source>
        <translation>такої теки чи файлу немає</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>частина шляху — не тека</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>це тека</translation>
    </message>
    <message>
        <source>a file of that name is already there</source>
        <translation>файл із такою назвою вже є</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>доступ заборонено</translation>
    </message>
    <message>
        <source>the system does not allow it</source>
        <translation>система цього не дозволяє</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заповнено</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>квоту на диску вичерпано</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск лише для читання</translation>
    </message>
    <message>
        <source>the disk or stick reported a read or write error</source>
        <translation>диск або флешка повідомили про помилку читання чи запису</translation>
    </message>
    <message>
        <source>the device is not there (unplugged?)</source>
        <translation>пристрою немає (від’єднано?)</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>назва задовга</translation>
    </message>
    <message>
        <source>the file or device is in use</source>
        <translation>файл чи пристрій зайнято</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>відкрито забагато файлів</translation>
    </message>
</context>
<context>
    <name>PairFields</name>
    <message>
        <source>Family name</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Народження</translation>
    </message>
    <message>
        <source>{field}: the same</source>
        <translation>{field}: однакове</translation>
    </message>
    <message>
        <source>{field}: another spelling ({ours} / {theirs})</source>
        <translation>{field}: інше написання ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: {ours} = {theirs}</source>
        <translation>{field}: {ours} = {theirs}</translation>
    </message>
    <message>
        <source>{field}: the initial {theirs} fits {ours}</source>
        <translation>{field}: ініціал {theirs} відповідає {ours}</translation>
    </message>
    <message>
        <source>{field}: almost alike ({ours} / {theirs})</source>
        <translation>{field}: майже однакове ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: different ({ours} / {theirs})</source>
        <translation>{field}: різне ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: recorded on one side only ({known})</source>
        <translation>{field}: записано лише в одному записі ({known})</translation>
    </message>
    <message>
        <source>{field}: the same year ({ours} / {theirs})</source>
        <translation>{field}: той самий рік ({ours} / {theirs})</translation>
    </message>
    <message>
        <source>{field}: a year apart ({ours} / {theirs})</source>
        <translation>{field}: різниця в рік ({ours} / {theirs})</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>Origin and documents</source>
        <translation>Походження й документи</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакти</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потреби</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обов’язково</translation>
    </message>
    <message>
        <source>Latin (Alt+L)</source>
        <translation>Латиницею (Alt+L)</translation>
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
        <translation>Не запитували</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* обов’язково</translation>
    </message>
    <message>
        <source>A date, a year, or ~age</source>
        <translation>Дата, рік або ~вік</translation>
    </message>
    <message>
        <source>Not understood yet</source>
        <translation>Поки що незрозуміло</translation>
    </message>
    <message>
        <source>Estimated: born about %1</source>
        <translation>Приблизно: народився(-лася) близько %1</translation>
    </message>
    <message>
        <source>Year only: %1</source>
        <translation>Лише рік: %1</translation>
    </message>
    <message>
        <source>Exact date: %1</source>
        <translation>Точна дата: %1</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Edit (Ctrl+E)</source>
        <translation>Змінити (Ctrl+E)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрити (Esc)</translation>
    </message>
    <message>
        <source>Request erasure…</source>
        <translation>Запросити стирання…</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Зберегти (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Alt+N: type a note, then Enter</source>
        <translation>Alt+N: наберіть примітку, потім Enter</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Нова примітка</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Додати примітку</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>Bands: %1</source>
        <translation>Браслети: %1</translation>
    </message>
    <message>
        <source>Same person as %1</source>
        <translation>Та сама людина, що й %1</translation>
    </message>
    <message>
        <source>Erasure of {id} requested: another operator confirms it on the Coordinator page (Erasures tab).</source>
        <translation>Стирання {id} запрошено: інший оператор підтверджує його на сторінці «Координатор» (вкладка «Стирання»).</translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <source>Wristband, adult (25 × 254 mm), 203 dpi</source>
        <translation>Браслет дорослий (25 × 254 мм), 203 dpi</translation>
    </message>
    <message>
        <source>Wristband, adult (25 × 254 mm), 300 dpi</source>
        <translation>Браслет дорослий (25 × 254 мм), 300 dpi</translation>
    </message>
    <message>
        <source>Wristband, child (25 × 178 mm), 203 dpi</source>
        <translation>Браслет дитячий (25 × 178 мм), 203 dpi</translation>
    </message>
    <message>
        <source>Wristband, child (25 × 178 mm), 300 dpi</source>
        <translation>Браслет дитячий (25 × 178 мм), 300 dpi</translation>
    </message>
    <message>
        <source>A4 sheet of 24 tags (70 × 37 mm)</source>
        <translation>Аркуш A4 на 24 бирки (70 × 37 мм)</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Рік народження</translation>
    </message>
    <message>
        <source>Needs mark (a black “!”: ask about needs)</source>
        <translation>Позначка потреб (чорний «!»: запитати про потреби)</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Save the labels as PDF</source>
        <translation>Зберегти етикетки як PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Type where to save the PDF, or Browse.</source>
        <translation>Вкажіть, куди зберегти PDF, або натисніть «Огляд».</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Готуємо попередній перегляд…</translation>
    </message>
    <message>
        <source>For: {ids}</source>
        <translation>Для: {ids}</translation>
    </message>
    <message>
        <source>Bands to be issued: {bands}.</source>
        <translation>Буде видано браслети: {bands}.</translation>
    </message>
    <message>
        <source>Tags are for belongings and documents; they are not recorded.</source>
        <translation>Бирки — для речей і документів; їх не реєструють.</translation>
    </message>
    <message>
        <source>Child bands ({stock}) for: {ids}.</source>
        <translation>Дитячі браслети ({stock}) для: {ids}.</translation>
    </message>
    <message>
        <source>The band now worn becomes void for: {ids}.</source>
        <translation>Браслет, що зараз на руці, стане недійсним для: {ids}.</translation>
    </message>
    <message>
        <source>The preview shows {shown} of {total} pages.</source>
        <translation>Показано {shown} з {total} сторінок.</translation>
    </message>
    <message>
        <source>Preview of page {number}</source>
        <translation>Попередній перегляд сторінки {number}</translation>
    </message>
    <message>
        <source>Print bands</source>
        <translation>Друк браслетів</translation>
    </message>
    <message>
        <source>Print tags for belongings</source>
        <translation>Друк бирок для речей</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>&amp;Матеріал:</translation>
    </message>
    <message>
        <source>Print &amp;to:</source>
        <translation>&amp;Куди друкувати:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Copies per person:</source>
        <translation>Копій на &amp;людину:</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Матеріал</translation>
    </message>
    <message>
        <source>Print to</source>
        <translation>Куди друкувати</translation>
    </message>
    <message>
        <source>Another printer (system print dialog)…</source>
        <translation>Інший принтер (системне вікно друку)…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Зберегти як PDF…</translation>
    </message>
    <message>
        <source>Send as &amp;ZPL (thermal band printers)</source>
        <translation>Надсилати як &amp;ZPL (термопринтери браслетів)</translation>
    </message>
    <message>
        <source>C&amp;hild bands for children under {age}</source>
        <translation>Дитячі браслети для ді&amp;тей, молодших за {age} років</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Файл PDF</translation>
    </message>
    <message>
        <source>For example ~/labels.pdf</source>
        <translation>Наприклад, ~/labels.pdf</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>The PDF holds what the labels show, names included. It is written so that only you can read it: print it, then delete it; do not leave it on a shared stick.</source>
        <translation>PDF містить те, що показують мітки, зокрема імена. Його записано так, що прочитати його можете лише ви: роздрукуйте його, потім видаліть; не залишайте його на спільній флешці.</translation>
    </message>
    <message>
        <source>Copies per person</source>
        <translation>Копій на людину</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Попередній перегляд</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Друкувати</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Printed. Bands issued: {bands}</source>
        <translation>Надруковано. Видано браслети: {bands}</translation>
    </message>
    <message>
        <source>Printed. Labels: {count}</source>
        <translation>Надруковано. Етикеток: {count}</translation>
    </message>
</context>
<context>
    <name>PrintSettingsBox</name>
    <message>
        <source>Printing</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>Default &amp;stock</source>
        <translation>Матеріал за &amp;замовчуванням</translation>
    </message>
    <message>
        <source>Default &amp;printer</source>
        <translation>&amp;Принтер за замовчуванням</translation>
    </message>
    <message>
        <source>Labels show, besides the ID</source>
        <translation>Крім ID, на етикетці</translation>
    </message>
    <message>
        <source>&amp;Tags per person</source>
        <translation>Бирок на &amp;людину</translation>
    </message>
    <message>
        <source>Default stock</source>
        <translation>Матеріал за замовчуванням</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Принтер за замовчуванням</translation>
    </message>
    <message>
        <source>None: choose when printing</source>
        <translation>Немає: вибрати під час друку</translation>
    </message>
    <message>
        <source>Send bands as &amp;ZPL (thermal band printers)</source>
        <translation>Надсилати браслети як &amp;ZPL (термопринтери браслетів)</translation>
    </message>
    <message>
        <source>Tags per person</source>
        <translation>Бирок на людину</translation>
    </message>
    <message>
        <source>C&amp;hild band below the age of</source>
        <translation>&amp;Дитячий браслет, якщо вік менше ніж</translation>
    </message>
    <message>
        <source>Child band below the age of</source>
        <translation>Дитячий браслет, якщо вік менше ніж</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Ніколи</translation>
    </message>
    <message>
        <source>Family names, dates of birth, phone numbers and notes are never printed. The QR code holds only the ID.</source>
        <translation>Прізвища, дати народження, номери телефонів і нотатки ніколи не друкуються. QR-код містить лише ID.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register a person</source>
        <translation>Реєстрація людини</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Зберегти (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <source>Someone may be looking for this person: tell the coordinator.</source>
        <translation>Цю людину, можливо, хтось шукає: повідомте координатора.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Written to {path}.</source>
        <translation>Записано у {path}.</translation>
    </message>
    <message>
        <source>INTERNAL, for the protection officer only: the file says which people found (their IDs and the list&apos;s references) did not consent to tracing. Never give it to the list&apos;s owner; encrypt it to the officer and delete it when it has served.</source>
        <translation>ВНУТРІШНІЙ, лише для фахівця із захисту: файл вказує, хто зі знайдених (їхні ID і посилання списку) не погодився на розшук. Ніколи не передавайте його власникові списку; зашифруйте його для фахівця і видаліть, коли він більше не потрібен.</translation>
    </message>
    <message>
        <source>The report names the people found who consented to tracing, and where they are now. Keep the file only where it must be, encrypt it where you can, and delete it when it has served.</source>
        <translation>Звіт називає знайдених людей, які погодилися на розшук, і де вони зараз. Зберігайте файл лише там, де потрібно, шифруйте його, де можете, і видаліть, коли він більше не потрібен.</translation>
    </message>
    <message>
        <source>Answer to the list</source>
        <translation>Відповідь на список</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Report for the list&apos;s owner (PDF)</source>
        <translation>Звіт для власника списку (PDF)</translation>
    </message>
    <message>
        <source>Report for the list&apos;s owner (CSV)</source>
        <translation>Звіт для власника списку (CSV)</translation>
    </message>
    <message>
        <source>INTERNAL: found without consent (CSV)</source>
        <translation>ВНУТРІШНІЙ: знайдені без згоди (CSV)</translation>
    </message>
    <message>
        <source>&amp;Write…</source>
        <translation>&amp;Записати…</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>Purge now</source>
        <translation>Очистити зараз</translation>
    </message>
    <message>
        <source>Remove the personal values of the people due ({count}) from this laptop now? The coordinator keeps their records; their ID will say the record moved to the coordinator, and a later roster brings them back if they return.</source>
        <translation>Видалити з цього ноутбука персональні дані людей, строк яких настав ({count})? Координатор зберігає їхні записи; за їхнім ID буде видно, що запис передано координатору, а наступний зведений список поверне їх, якщо вони повернуться.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Строк зберігання</translation>
    </message>
    <message>
        <source>&amp;Purge now…</source>
        <translation>&amp;Очистити зараз…</translation>
    </message>
    <message numerus="yes">
        <source>People to purge: {count} (left this point and acknowledged by the coordinator more than %n days ago)</source>
        <translation>
            <numerusform>Людей до очищення: {count} (залишили цей пункт і підтверджені координатором понад %n день тому)</numerusform>
            <numerusform>Людей до очищення: {count} (залишили цей пункт і підтверджені координатором понад %n дні тому)</numerusform>
            <numerusform>Людей до очищення: {count} (залишили цей пункт і підтверджені координатором понад %n днів тому)</numerusform>
        </translation>
    </message>
    <message>
        <source>Purged from this laptop: {count}.</source>
        <translation>Очищено з цього ноутбука: {count}.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a device</source>
        <translation>Відкликання пристрою</translation>
    </message>
    <message>
        <source>Device {prefix} ({name}): its bundles will be accepted only up to the event below (0: none from now on). Do this for a lost or stolen laptop.</source>
        <translation>Пристрій {prefix} ({name}): його пакети прийматимуться лише до вказаної нижче події (0 — відтепер жодного). Так роблять із загубленим або викраденим ноутбуком.</translation>
    </message>
    <message>
        <source>&amp;Accept events up to</source>
        <translation>Приймати &amp;події до</translation>
    </message>
    <message>
        <source>Accept events up to</source>
        <translation>Приймати події до</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Відкликати</translation>
    </message>
</context>
<context>
    <name>RosterBox</name>
    <message>
        <source>Open the roster from the coordinator</source>
        <translation>Відкрити зведений список від координатора</translation>
    </message>
    <message>
        <source>Rosters (*.roster);;All files (*)</source>
        <translation>Зведені списки (*.roster);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Roster from the coordinator</source>
        <translation>Зведений список від координатора</translation>
    </message>
    <message>
        <source>Import &amp;roster…</source>
        <translation>Імпортувати зведений &amp;список…</translation>
    </message>
    <message>
        <source>No roster applied yet. The coordinator writes one for this laptop; it brings the people registered at the other points.</source>
        <translation>Зведений список ще не застосовано. Координатор записує його для цього ноутбука; він приносить людей, зареєстрованих на інших пунктах.</translation>
    </message>
    <message>
        <source>This roster has expired: people registered elsewhere since are missing. Ask the coordinator for a new one.</source>
        <translation>Термін дії цього зведеного списку сплив: людей, зареєстрованих деінде після нього, тут немає. Попросіть у координатора новий.</translation>
    </message>
    <message>
        <source>This laptop has recorded nothing yet.</source>
        <translation>Цей ноутбук ще нічого не записав.</translation>
    </message>
    <message>
        <source>It waits for changes {changes}.</source>
        <translation>Він чекає на зміни {changes}.</translation>
    </message>
    <message>
        <source>Changes {changes} are not exported yet.</source>
        <translation>Зміни {changes} ще не експортовано.</translation>
    </message>
    <message>
        <source>It holds 1 bundle until the missing changes arrive.</source>
        <translation>Він тримає 1 пакет, доки не надійдуть відсутні зміни.</translation>
    </message>
    <message>
        <source>The coordinator has everything this laptop recorded.</source>
        <translation>Координатор має все, що записав цей ноутбук.</translation>
    </message>
    <message>
        <source>The coordinator has everything this laptop recorded, up to {time}.</source>
        <translation>Координатор має все, що записав цей ноутбук, до {time}.</translation>
    </message>
    <message>
        <source>The coordinator has nothing from this laptop yet.</source>
        <translation>Координатор ще нічого не має від цього ноутбука.</translation>
    </message>
    <message>
        <source>The coordinator has everything up to {time}.</source>
        <translation>Координатор має все до {time}.</translation>
    </message>
    <message>
        <source>It waits for 1 bundle written since.</source>
        <translation>Він чекає на 1 пакет, записаний відтоді.</translation>
    </message>
    <message numerus="yes">
        <source>It waits for %n bundles written since.</source>
        <translation>
            <numerusform>Він чекає на %n пакет, записаний відтоді.</numerusform>
            <numerusform>Він чекає на %n пакети, записані відтоді.</numerusform>
            <numerusform>Він чекає на %n пакетів, записаних відтоді.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It holds %n bundles until the missing changes arrive.</source>
        <translation>
            <numerusform>Він тримає %n пакет, доки не надійдуть відсутні зміни.</numerusform>
            <numerusform>Він тримає %n пакети, доки не надійдуть відсутні зміни.</numerusform>
            <numerusform>Він тримає %n пакетів, доки не надійдуть відсутні зміни.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes recorded since {time} are not exported yet.</source>
        <translation>Зміни, записані після {time}, ще не експортовано.</translation>
    </message>
    <message>
        <source>Some changes are not exported yet.</source>
        <translation>Деякі зміни ще не експортовано.</translation>
    </message>
    <message>
        <source>This laptop recorded changes 1–{last}.</source>
        <translation>Цей ноутбук записав зміни 1–{last}.</translation>
    </message>
    <message>
        <source>The coordinator has changes {changes}.</source>
        <translation>Координатор має зміни {changes}.</translation>
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
        <translation>Латиницею</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Народження</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
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
        <translation>Е&amp;кспорт людей…</translation>
    </message>
    <message>
        <source>Household ID</source>
        <translation>ID домогосподарства</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Зареєстровано від</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Зареєстровано до</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Будь-який статус</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>Any need</source>
        <translation>Будь-яка потреба</translation>
    </message>
    <message>
        <source>In a household</source>
        <translation>У домогосподарстві</translation>
    </message>
    <message>
        <source>Alone</source>
        <translation>Сам(а)</translation>
    </message>
    <message>
        <source>K7-0042-X</source>
        <translation>K7-0042-X</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Будь-коли</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Останні 7 днів</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>Між датами</translation>
    </message>
    <message>
        <source>People registered</source>
        <translation>Зареєстровані люди</translation>
    </message>
    <message>
        <source>Shown: %1 of %2 · Registered today: %3 · Waiting: %4 · Departed: %5 · With needs: %6</source>
        <translation>Показано: %1 з %2 · Зареєстровано сьогодні: %3 · Очікують: %4 · Виїхали: %5 · З потребами: %6</translation>
    </message>
</context>
<context>
    <name>RosterTexts</name>
    <message numerus="yes">
        <source>%n min old</source>
        <translation>
            <numerusform>%n хв тому</numerusform>
            <numerusform>%n хв тому</numerusform>
            <numerusform>%n хв тому</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h old</source>
        <translation>
            <numerusform>%n год тому</numerusform>
            <numerusform>%n год тому</numerusform>
            <numerusform>%n год тому</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days old</source>
        <translation>
            <numerusform>%n день тому</numerusform>
            <numerusform>%n дні тому</numerusform>
            <numerusform>%n днів тому</numerusform>
        </translation>
    </message>
    <message>
        <source>expired on {when}</source>
        <translation>термін дії сплив {when}</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>спливає через %n хв</numerusform>
            <numerusform>спливає через %n хв</numerusform>
            <numerusform>спливає через %n хв</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n h</source>
        <translation>
            <numerusform>спливає через %n год</numerusform>
            <numerusform>спливає через %n год</numerusform>
            <numerusform>спливає через %n год</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>спливає через %n день</numerusform>
            <numerusform>спливає через %n дні</numerusform>
            <numerusform>спливає через %n днів</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster v{version} · {age} · {expiry}</source>
        <translation>Зведений список v{version} · {age} · {expiry}</translation>
    </message>
    <message numerus="yes">
        <source>Roster {version} applied: %Ln people added, {updated} updated, {erased} erased</source>
        <translation>
            <numerusform>Зведений список {version} застосовано: додано людей: %Ln, оновлено: {updated}, стерто: {erased}</numerusform>
            <numerusform>Зведений список {version} застосовано: додано людей: %Ln, оновлено: {updated}, стерто: {erased}</numerusform>
            <numerusform>Зведений список {version} застосовано: додано людей: %Ln, оновлено: {updated}, стерто: {erased}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n laptops revoked</source>
        <translation>
            <numerusform>; відкликано %n ноутбук</numerusform>
            <numerusform>; відкликано %n ноутбуки</numerusform>
            <numerusform>; відкликано %n ноутбуків</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster {version}, written {created}, valid until {expires}</source>
        <translation>Зведений список {version}, записано {created}, чинний до {expires}</translation>
    </message>
</context>
<context>
    <name>RosterWriteDialog</name>
    <message>
        <source>Choose the folder for the rosters</source>
        <translation>Виберіть теку для зведених списків</translation>
    </message>
    <message>
        <source>Rosters written: {files} ({size}) in {folder}</source>
        <translation>Записано зведених списків: {files} ({size}) у {folder}</translation>
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
        <translation>Записати зведені списки</translation>
    </message>
    <message>
        <source>One file per laptop, signed by the network and readable only by that laptop: the people merged here, revocations, erasures and what the coordinator has of the laptop&apos;s bundles. Carry each file to its laptop and import it on its Sync page.</source>
        <translation>Один файл на ноутбук, підписаний мережею і доступний для читання лише цьому ноутбуку: люди, зведені тут, відкликання, стирання і те, що координатор має з пакетів ноутбука. Віднесіть кожен файл на його ноутбук та імпортуйте на сторінці «Синхронізація».</translation>
    </message>
    <message>
        <source>&amp;Laptops (Space ticks or clears one)</source>
        <translation>&amp;Ноутбуки (пробіл позначає або знімає позначку)</translation>
    </message>
    <message>
        <source>Laptops to write a roster for</source>
        <translation>Ноутбуки, для яких записати зведений список</translation>
    </message>
    <message>
        <source>&amp;Full rosters (everyone, not only what changed since each laptop&apos;s last one)</source>
        <translation>&amp;Повні зведені списки (усі люди, а не лише зміни після останнього списку кожного ноутбука)</translation>
    </message>
    <message>
        <source>&amp;Network passphrase (rosters are signed)</source>
        <translation>Парольна фраза &amp;мережі (зведені списки підписуються)</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольна фраза мережі</translation>
    </message>
    <message>
        <source>&amp;Write to a folder…</source>
        <translation>&amp;Записати в теку…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Saved. New ID: {ids}</source>
        <translation>Збережено. Новий ID: {ids}</translation>
    </message>
    <message>
        <source>Saved. New IDs: {ids}</source>
        <translation>Збережено. Нові ID: {ids}</translation>
    </message>
    <message>
        <source>Ctrl+P prints the bands of the whole household.</source>
        <translation>Ctrl+P — надрукувати браслети для всього домогосподарства.</translation>
    </message>
    <message>
        <source>Ctrl+P prints the band.</source>
        <translation>Ctrl+P — надрукувати браслет.</translation>
    </message>
    <message>
        <source>⚠ Under 18, registered alone and not marked unaccompanied or separated: check who is with the child.</source>
        <translation>⚠ Молодше 18 років, зареєстровано саме й не позначено як дитину без супроводу чи розлучену з батьками: з’ясуйте, хто з дитиною.</translation>
    </message>
    <message>
        <source>No one found. Check the spelling or register.</source>
        <translation>Нікого не знайдено. Перевірте написання або зареєструйте людину.</translation>
    </message>
    <message>
        <source>Found: {count}</source>
        <translation>Знайдено: {count}</translation>
    </message>
    <message>
        <source>Register {name} (Ctrl+N)</source>
        <translation>Зареєструвати: {name} (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find a person</source>
        <translation>&amp;Пошук людини</translation>
    </message>
    <message>
        <source>Name in any alphabet, ID, or scan a band</source>
        <translation>Ім’я будь-якою абеткою, ID або скан браслета</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Пошук людини</translation>
    </message>
    <message>
        <source>Type a name or an ID, or scan a band. Enter opens the person.</source>
        <translation>Наберіть ім’я чи ID або зіскануйте браслет. Enter відкриває людину.</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Знайдені люди</translation>
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
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Latin spelling</source>
        <translation>Латиницею</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домогосподарство</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Збіг</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>initials fit</source>
        <translation>ініціали збігаються</translation>
    </message>
    <message>
        <source>typed with another keyboard layout</source>
        <translation>набрано в іншій розкладці клавіатури</translation>
    </message>
</context>
<context>
    <name>ServerPassword</name>
    <message>
        <source>Pass&amp;word of the database server:</source>
        <translation>&amp;Пароль сервера бази даних:</translation>
    </message>
    <message>
        <source>Password of the database server</source>
        <translation>Пароль сервера бази даних</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Запит до сервера…</translation>
    </message>
</context>
<context>
    <name>ServerPasswordScreen</name>
    <message>
        <source>Open the coordinator&apos;s store</source>
        <translation>Відкрити сховище координатора</translation>
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
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>&amp;About fieldreg…</source>
        <translation>П&amp;ро fieldreg…</translation>
    </message>
    <message>
        <source>Hu&amp;b…</source>
        <translation>&amp;Хаб…</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Як у системі ({language})</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Loc&amp;k after no input for</source>
        <translation>&amp;Блокувати, якщо нічого не вводять</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Minutes without input before locking</source>
        <translation>Хвилин без введення до блокування</translation>
    </message>
    <message>
        <source>Locking hides everything personal until the passphrase is typed again. Unsaved input in a form is kept and comes back after unlocking.</source>
        <translation>Блокування приховує всі персональні дані, доки знову не наберуть парольну фразу. Незбережене введення у формі не втрачається й повертається після розблокування.</translation>
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
        <translation>&amp;Місце</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Примітка</translation>
    </message>
    <message>
        <source>Bus 12, convoy 3, train 45</source>
        <translation>Автобус 12, колона 3, поїзд 45</translation>
    </message>
    <message>
        <source>⚠ A child under 18, not in a household and not marked as unaccompanied or separated. Check who the child leaves with, and write it in the note.</source>
        <translation>⚠ Дитина до 18 років не в домогосподарстві й не позначена як дитина без супроводу чи розлучена з батьками. З’ясуйте, з ким дитина їде, і запишіть це в примітці.</translation>
    </message>
</context>
<context>
    <name>StrengthHint</name>
    <message>
        <source>Very weak</source>
        <translation>дуже слабка</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>слабка</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>посередня</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>добра</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>сильна</translation>
    </message>
    <message>
        <source>Strength: type a passphrase of at least 10 characters</source>
        <translation>Надійність: наберіть парольну фразу щонайменше з 10 символів</translation>
    </message>
    <message>
        <source>Strength: {word}</source>
        <translation>Надійність: {word}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Save the enrollment request</source>
        <translation>Зберегти запит на приєднання</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстові файли (*.txt);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Open the coordinator&apos;s answer</source>
        <translation>Відкрити відповідь координатора</translation>
    </message>
    <message>
        <source>Choose the folder or USB stick</source>
        <translation>Виберіть теку або USB-флешку</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>This laptop in the network</source>
        <translation>Цей ноутбук у мережі</translation>
    </message>
    <message>
        <source>Export to the coordinator</source>
        <translation>Експорт для координатора</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Назва цього ноутбука</translation>
    </message>
    <message>
        <source>Shown to the coordinator; usually the point&apos;s name</source>
        <translation>Її бачить координатор; зазвичай це назва пункту</translation>
    </message>
    <message>
        <source>Create an enrollment request…</source>
        <translation>Створити запит на приєднання…</translation>
    </message>
    <message>
        <source>Enrollment request</source>
        <translation>Запит на приєднання</translation>
    </message>
    <message>
        <source>Network fingerprint</source>
        <translation>Відбиток мережі</translation>
    </message>
    <message>
        <source>As read out by the coordinator (optional)</source>
        <translation>Як його зачитав координатор (необов’язково)</translation>
    </message>
    <message>
        <source>Import the coordinator&apos;s answer…</source>
        <translation>Імпортувати відповідь координатора…</translation>
    </message>
    <message>
        <source>Export to a folder or USB stick…</source>
        <translation>Експортувати в теку або на USB-флешку…</translation>
    </message>
    <message>
        <source>This is the coordinator&apos;s store: import bundles on the Coordinator page.</source>
        <translation>Це сховище координатора: пакети імпортуються на сторінці «Координатор».</translation>
    </message>
    <message>
        <source>Enrolled. New IDs start with {prefix}.
Network: {network}
Network fingerprint: {fingerprint}</source>
        <translation>Приєднано. Нові ID починаються з {prefix}.
Мережа: {network}
Відбиток мережі: {fingerprint}</translation>
    </message>
    <message>
        <source>This laptop is not enrolled yet. Create an enrollment request and give the file (or the text below) to the coordinator, then import the answer file the coordinator gives back.</source>
        <translation>Цей ноутбук ще не приєднано до мережі. Створіть запит на приєднання й передайте файл (або текст нижче) координаторові, а потім імпортуйте файл відповіді, який він поверне.</translation>
    </message>
    <message>
        <source>Enrollment request, saved to {path}:</source>
        <translation>Запит на приєднання, збережений у {path}:</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator: it can no longer export bundles. Ask the coordinator what to do with the records on it.</source>
        <translation>Координатор відкликав цей ноутбук: він більше не може експортувати пакети. Запитайте координатора, що робити із записами на ньому.</translation>
    </message>
    <message>
        <source>This laptop was revoked by the coordinator.</source>
        <translation>Координатор відкликав цей ноутбук.</translation>
    </message>
    <message>
        <source>Nothing can be exported: this laptop was revoked by the coordinator.</source>
        <translation>Нічого не можна експортувати: координатор відкликав цей ноутбук.</translation>
    </message>
    <message>
        <source>Enroll this laptop first: a bundle is signed with the certificate the coordinator&apos;s answer brings.</source>
        <translation>Спершу приєднайте ноутбук до мережі: пакет підписується сертифікатом, який приходить у відповіді координатора.</translation>
    </message>
    <message>
        <source>Everything is exported.</source>
        <translation>Усе експортовано.</translation>
    </message>
    <message>
        <source>Not yet exported: people {people}, changes {events}.</source>
        <translation>Ще не експортовано: людей — {people}, змін — {events}.</translation>
    </message>
    <message>
        <source>Exported and verified: each file was read back from the folder and its signature checked.</source>
        <translation>Експортовано й перевірено: кожен файл прочитано з теки ще раз і перевірено його підпис.</translation>
    </message>
    <message>
        <source>{path} (events {first}–{last})</source>
        <translation>{path} (події {first}–{last})</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Хід виконання</translation>
    </message>
</context>
<context>
    <name>TransportDialog</name>
    <message>
        <source>Plan a transport</source>
        <translation>Запланувати транспорт</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>DD.MM.YYYY HH:MM</source>
        <translation>ДД.ММ.РРРР ГГ:ХХ</translation>
    </message>
</context>
<context>
    <name>TransportPage</name>
    <message>
        <source>boarded</source>
        <translation>сів(-ла)</translation>
    </message>
    <message>
        <source>boarded</source>
        <comment>female</comment>
        <translation>сіла</translation>
    </message>
    <message>
        <source>boarded</source>
        <comment>male</comment>
        <translation>сів</translation>
    </message>
    <message>
        <source>on this transport</source>
        <translation>на цьому транспорті</translation>
    </message>
    <message>
        <source>No one found: nobody assigned.</source>
        <translation>Нікого не знайдено: нікого не призначено.</translation>
    </message>
    <message>
        <source>{name} has no household recorded.</source>
        <translation>Для {name} домогосподарство не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Assigned: %n</source>
        <translation>
            <numerusform>Призначено: %n</numerusform>
            <numerusform>Призначено: %n</numerusform>
            <numerusform>Призначено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} is already on this transport.</source>
        <translation>{name} вже на цьому транспорті.</translation>
    </message>
    <message numerus="yes">
        <source>Taken off: %n</source>
        <translation>
            <numerusform>Знято: %n</numerusform>
            <numerusform>Знято: %n</numerusform>
            <numerusform>Знято: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональні дані</translation>
    </message>
    <message numerus="yes">
        <source>The manifest holds personal data of %n people. Hand it only to the parties it names and delete copies that have served. Write it?</source>
        <translation>
            <numerusform>Список містить персональні дані %n особи. Передавайте його лише названим у ньому сторонам і видаляйте непотрібні копії. Записати?</numerusform>
            <numerusform>Список містить персональні дані %n осіб. Передавайте його лише названим у ньому сторонам і видаляйте непотрібні копії. Записати?</numerusform>
            <numerusform>Список містить персональні дані %n осіб. Передавайте його лише названим у ньому сторонам і видаляйте непотрібні копії. Записати?</numerusform>
        </translation>
    </message>
    <message>
        <source>Manifest written: {path}</source>
        <translation>Список записано: {path}</translation>
    </message>
    <message>
        <source>Transports</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>&amp;Plan a transport…</source>
        <translation>&amp;Запланувати транспорт…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Змінити…</translation>
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
        <translation>Виїзд</translation>
    </message>
    <message>
        <source>Boarded</source>
        <translation>Сіли</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім&apos;я</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Допомога</translation>
    </message>
    <message>
        <source>&amp;Add (IDs or band scans):</source>
        <translation>&amp;Додати (ID або скани браслетів):</translation>
    </message>
    <message>
        <source>Sea&amp;t:</source>
        <translation>&amp;Місце:</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Призначити</translation>
    </message>
    <message>
        <source>Whole &amp;household</source>
        <translation>Усе &amp;домогосподарство</translation>
    </message>
    <message>
        <source>Take &amp;off</source>
        <translation>З&amp;няти</translation>
    </message>
    <message>
        <source>Manifest &amp;language:</source>
        <translation>&amp;Мова списку:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Англійська</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Українська</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Російська</translation>
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
        <translation>Пошук за &amp;ім’ям:</translation>
    </message>
    <message>
        <source>Enter: assign the highlighted person; Shift+Enter: their whole household</source>
        <translation>Enter: призначити виділену людину; Shift+Enter: усе її домогосподарство</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рік народження</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Домогосподарство</translation>
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
        <translation>Наберіть свою парольну фразу.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольні фрази не збігаються.</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Відкриваємо записи…</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Перевіряємо парольну фразу…</translation>
    </message>
    <message>
        <source>Choose your name and type your passphrase.</source>
        <translation>Виберіть своє ім’я та наберіть парольну фразу.</translation>
    </message>
    <message>
        <source>Locked because nobody used the program for a while. Unlock to go on where you were.</source>
        <translation>Заблоковано, бо програмою деякий час не користувалися. Розблокуйте, щоб продовжити з того місця, де зупинилися.</translation>
    </message>
    <message>
        <source>Locked. Unlock to go on where you were.</source>
        <translation>Заблоковано. Розблокуйте, щоб продовжити з того місця, де зупинилися.</translation>
    </message>
    <message>
        <source>The store is ready. Unlock it with the passphrase you have just chosen.</source>
        <translation>Сховище готове. Розблокуйте його парольною фразою, яку щойно вибрали.</translation>
    </message>
    <message>
        <source>Locked. What was typed in an unsaved form is kept safely and comes back after unlocking.</source>
        <translation>Заблоковано. Введене в незбережену форму надійно збережено й повернеться після розблокування.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокування</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>&amp;Оператор</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольна фраза</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Розблокувати</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use the &amp;recovery key</source>
        <translation>Забули парольну фразу? Скористайтеся &amp;ключем відновлення</translation>
    </message>
    <message>
        <source>Type the recovery key written down when the store was created, and choose a new passphrase. The old passphrase stops working.</source>
        <translation>Наберіть ключ відновлення, записаний під час створення сховища, і виберіть нову парольну фразу. Стара парольна фраза перестане діяти.</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>К&amp;люч відновлення</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Нова парольна фраза</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Нова парольна фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat it</source>
        <translation>Пов&amp;торіть її</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Повторіть нову парольну фразу</translation>
    </message>
    <message>
        <source>&amp;Set the new passphrase and unlock</source>
        <translation>&amp;Задати нову парольну фразу й розблокувати</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Н&amp;азад</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Розблокування</translation>
    </message>
</context>
<context>
    <name>_NetworkDialog</name>
    <message>
        <source>&amp;Network passphrase</source>
        <translation>Парольна фраза &amp;мережі</translation>
    </message>
    <message>
        <source>Network passphrase</source>
        <translation>Парольна фраза мережі</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
</TS>
