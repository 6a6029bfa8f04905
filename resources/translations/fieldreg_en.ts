<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>People registered: %n</source>
        <translation>
            <numerusform>People registered: %n</numerusform>
            <numerusform>People registered: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n people written to {path}.</source>
        <translation>
            <numerusform>%n person written to {path}.</numerusform>
            <numerusform>%n people written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdLinks</name>
    <message numerus="yes">
        <source>Household %1, %n members</source>
        <translation>
            <numerusform>Household %1, %n member</numerusform>
            <numerusform>Household %1, %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message numerus="yes">
        <source>Hub not reachable ({time}); %n bundles waiting</source>
        <translation>
            <numerusform>Hub not reachable ({time}); %n bundle waiting</numerusform>
            <numerusform>Hub not reachable ({time}); %n bundles waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hub: synced at {time}, %n bundles sent</source>
        <translation>
            <numerusform>Hub: synced at {time}, %n bundle sent</numerusform>
            <numerusform>Hub: synced at {time}, %n bundles sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message numerus="yes">
        <source>People to purge: {count} (left this point and acknowledged by the coordinator more than %n days ago)</source>
        <translation>
            <numerusform>People to purge: {count} (left this point and acknowledged by the coordinator more than %n day ago)</numerusform>
            <numerusform>People to purge: {count} (left this point and acknowledged by the coordinator more than %n days ago)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterBox</name>
    <message numerus="yes">
        <source>It waits for %n bundles written since.</source>
        <translation>
            <numerusform>It waits for %n bundle written since.</numerusform>
            <numerusform>It waits for %n bundles written since.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It holds %n bundles until the missing changes arrive.</source>
        <translation>
            <numerusform>It holds %n bundle until the missing changes arrive.</numerusform>
            <numerusform>It holds %n bundles until the missing changes arrive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterTexts</name>
    <message numerus="yes">
        <source>%n min old</source>
        <translation>
            <numerusform>%n min old</numerusform>
            <numerusform>%n min old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h old</source>
        <translation>
            <numerusform>%n h old</numerusform>
            <numerusform>%n h old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days old</source>
        <translation>
            <numerusform>%n day old</numerusform>
            <numerusform>%n days old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n min</source>
        <translation>
            <numerusform>expires in %n min</numerusform>
            <numerusform>expires in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n h</source>
        <translation>
            <numerusform>expires in %n h</numerusform>
            <numerusform>expires in %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>expires in %n day</numerusform>
            <numerusform>expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Roster {version} applied: %Ln people added, {updated} updated, {erased} erased</source>
        <translation>
            <numerusform>Roster {version} applied: %Ln person added, {updated} updated, {erased} erased</numerusform>
            <numerusform>Roster {version} applied: %Ln people added, {updated} updated, {erased} erased</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n laptops revoked</source>
        <translation>
            <numerusform>; %n laptop revoked</numerusform>
            <numerusform>; %n laptops revoked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterWriteDialog</name>
    <message numerus="yes">
        <source>{file}: %Ln people, {size}</source>
        <translation>
            <numerusform>{file}: %Ln person, {size}</numerusform>
            <numerusform>{file}: %Ln people, {size}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransportPage</name>
    <message numerus="yes">
        <source>Assigned: %n</source>
        <translation>
            <numerusform>Assigned: %n</numerusform>
            <numerusform>Assigned: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taken off: %n</source>
        <translation>
            <numerusform>Taken off: %n</numerusform>
            <numerusform>Taken off: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The manifest holds personal data of %n people. Hand it only to the parties it names and delete copies that have served. Write it?</source>
        <translation>
            <numerusform>The manifest holds personal data of %n person. Hand it only to the parties it names and delete copies that have served. Write it?</numerusform>
            <numerusform>The manifest holds personal data of %n people. Hand it only to the parties it names and delete copies that have served. Write it?</numerusform>
        </translation>
    </message>
</context>
</TS>
