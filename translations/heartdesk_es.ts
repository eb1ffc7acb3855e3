<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a HEART Desk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk database (*.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <source>Crisis call counselor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRT team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer support specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-response clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care navigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis Call Diversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community Response Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police/EMS only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to 988</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRT dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-Response dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to police/EMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined or disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welfare Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mental Health Crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicide Threat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trespass/Unwanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intoxicated Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assist Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panhandling/Solicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indecency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database location is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put the database password in the location. Set HEARTDESK_DB_PASSWORD or type it when asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a readable HEART Desk database (%1). It has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file cannot be opened: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of HEART Desk (%1). Nothing was changed; please update HEART Desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check this field: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user ID is taken already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is too weak: use at least 8 characters, not the user ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user ID or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last active administrator; make someone else an administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator exists already; please sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Preparing the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk: the workplace of an alternative 911 crisis response program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SQLite file, or postgresql://user@host:port/db. The server password comes from HEARTDESK_DB_PASSWORD or is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a fresh demo database with fictional people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the demo data (default 20220627).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo user to sign in as (default supervisor; &quot;none&quot; shows the sign-in screen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface: en or es.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use en or es.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-seed needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::CallListHome</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the list (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active behavioral-health calls in the 911 center, highest risk first, then oldest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My unit&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls sent to Community Response and Co-Response units in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis Call Diversion and Community Response contacts of the last 48 hours: each is due a follow-up within 48 hours of the contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts due a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::CallTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAD #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::DashboardHome</name>
    <message>
        <source>Program dashboard — last 28 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved by phone or 988</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unarmed or co-response teams sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls by program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls by program, last 28 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::FirstAdminPage</name>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to HEART Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator: this account adds the other staff and assigns their roles. It cannot open anyone&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::MainWindow</name>
    <message>
        <source>Draft not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved form could not be kept as a draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved work from the last session was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: changes cannot be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEART Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About HEART Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;HEART Desk %1&lt;/h3&gt;&lt;p&gt;For alternative 911 crisis response programs: crisis call counselors, community response teams, care navigators and their supervisors.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock the screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sign out&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Home screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh the list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+E / Ctrl+Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;English / Spanish&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Home screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About HEART Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::NewUserForm</name>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::SignInPage</name>
    <message>
        <source>Enter your user ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to HEART Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, the screen was locked after a period of inactivity. Enter your password to continue where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holistic Empathetic Assistance Response Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as &amp;another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>heart::ui::UserAdminWidget</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles of %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 reset; any lock is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. The new idle time applies at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff accounts and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after idle minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
