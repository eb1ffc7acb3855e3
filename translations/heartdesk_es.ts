<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Contraseña para %1:</translation>
    </message>
    <message>
        <source>HEART Desk cannot open the database</source>
        <translation>HEART Desk no puede abrir la base de datos</translation>
    </message>
    <message>
        <source>%1

Database: %2</source>
        <translation>%1

Base de datos: %2</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation>&amp;Elegir otro archivo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Choose a HEART Desk database</source>
        <translation>Elegir una base de datos de HEART Desk</translation>
    </message>
    <message>
        <source>HEART Desk database (*.sqlite);;All files (*)</source>
        <translation>Base de datos de HEART Desk (*.sqlite);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <source>Crisis call counselor</source>
        <translation>Consejero/a de llamadas de crisis</translation>
    </message>
    <message>
        <source>CRT team lead</source>
        <translation>Líder de equipo CRT</translation>
    </message>
    <message>
        <source>Peer support specialist</source>
        <translation>Especialista de apoyo entre pares</translation>
    </message>
    <message>
        <source>EMT</source>
        <translation>EMT</translation>
    </message>
    <message>
        <source>Co-response clinician</source>
        <translation>Clínico/a de corespuesta</translation>
    </message>
    <message>
        <source>Care navigator</source>
        <translation>Navegador/a de cuidados</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador/a</translation>
    </message>
    <message>
        <source>Crisis Call Diversion</source>
        <translation>Desvío de Llamadas de Crisis</translation>
    </message>
    <message>
        <source>Community Response Team</source>
        <translation>Equipo de Respuesta Comunitaria</translation>
    </message>
    <message>
        <source>Co-Response</source>
        <translation>Corespuesta</translation>
    </message>
    <message>
        <source>Care Navigation</source>
        <translation>Navegación de Cuidados</translation>
    </message>
    <message>
        <source>Police/EMS only</source>
        <translation>Solo policía/EMS</translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation>Resuelta por teléfono</translation>
    </message>
    <message>
        <source>Transferred to 988</source>
        <translation>Transferida al 988</translation>
    </message>
    <message>
        <source>CRT dispatched</source>
        <translation>CRT despachado</translation>
    </message>
    <message>
        <source>Co-Response dispatched</source>
        <translation>Corespuesta despachada</translation>
    </message>
    <message>
        <source>Returned to police/EMS</source>
        <translation>Devuelta a policía/EMS</translation>
    </message>
    <message>
        <source>Declined or disconnected</source>
        <translation>Rechazada o desconectada</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Welfare Check</source>
        <translation>Verificación de bienestar</translation>
    </message>
    <message>
        <source>Mental Health Crisis</source>
        <translation>Crisis de salud mental</translation>
    </message>
    <message>
        <source>Suicide Threat</source>
        <translation>Amenaza de suicidio</translation>
    </message>
    <message>
        <source>Trespass/Unwanted</source>
        <translation>Intrusión/Persona no deseada</translation>
    </message>
    <message>
        <source>Intoxicated Person</source>
        <translation>Persona intoxicada</translation>
    </message>
    <message>
        <source>Assist Person</source>
        <translation>Asistencia a persona</translation>
    </message>
    <message>
        <source>Panhandling/Solicitation</source>
        <translation>Mendicidad/Solicitación</translation>
    </message>
    <message>
        <source>Indecency</source>
        <translation>Conducta indecente</translation>
    </message>
    <message>
        <source>Follow Up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>The database location is not valid: %1.</source>
        <translation>La ubicación de la base de datos no es válida: %1.</translation>
    </message>
    <message>
        <source>This file is not a readable HEART Desk database (%1). It has not been changed.</source>
        <translation>Este archivo no es una base de datos de HEART Desk legible (%1). No se ha modificado.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: %1.</source>
        <translation>No se puede abrir el archivo de la base de datos: %1.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of HEART Desk (%1). Nothing was changed; please update HEART Desk.</source>
        <translation>Esta base de datos se guardó con una versión más reciente de HEART Desk (%1). No se modificó nada; actualice HEART Desk.</translation>
    </message>
    <message>
        <source>The database server cannot be reached: %1</source>
        <translation>No se puede conectar con el servidor de la base de datos: %1</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>La base de datos rechazó el cambio: %1</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Su rol no permite esta acción.</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation>Otra persona modificó este registro mientras tanto. Vuelva a cargarlo y haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>El registro ya no existe.</translation>
    </message>
    <message>
        <source>This user ID is taken already.</source>
        <translation>Este ID de usuario ya está en uso.</translation>
    </message>
    <message>
        <source>The password is too weak: use at least 8 characters, not the user ID.</source>
        <translation>La contraseña es demasiado débil: use al menos 8 caracteres y no use el ID de usuario.</translation>
    </message>
    <message>
        <source>Wrong user ID or password.</source>
        <translation>ID de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1.</source>
        <translation>Esta cuenta se bloqueó por demasiados intentos con contraseña incorrecta. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation>Esta cuenta fue desactivada. Consulte a un administrador.</translation>
    </message>
    <message>
        <source>This is the last active administrator; make someone else an administrator first.</source>
        <translation>Este es el último administrador activo; primero asigne el rol de administrador a otra persona.</translation>
    </message>
    <message>
        <source>An administrator exists already; please sign in.</source>
        <translation>Ya existe un administrador; inicie sesión.</translation>
    </message>
    <message>
        <source>Awaiting a decision</source>
        <translation>En espera de una decisión</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Do not put the database password in the location. Set HEARTDESK_DB_PASSWORD (or PGPASSWORD) or type it when asked.</source>
        <translation>No ponga la contraseña de la base de datos en la ubicación. Defina HEARTDESK_DB_PASSWORD (o PGPASSWORD) o escríbala cuando se le pida.</translation>
    </message>
    <message>
        <source>A user ID is 2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Un ID de usuario tiene de 2 a 32 letras minúsculas, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s full name.</source>
        <translation>Escriba el nombre completo de la persona.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Elija al menos un rol.</translation>
    </message>
    <message>
        <source>The idle time must be between 1 and 240 minutes.</source>
        <translation>El tiempo de inactividad debe estar entre 1 y 240 minutos.</translation>
    </message>
    <message>
        <source>Please check the entry: %1.</source>
        <translation>Revise el dato: %1.</translation>
    </message>
    <message>
        <source>Nuisance</source>
        <translation>Molestias</translation>
    </message>
    <message>
        <source>Prostitution</source>
        <translation>Prostitución</translation>
    </message>
    <message>
        <source>Lost Person</source>
        <translation>Persona extraviada</translation>
    </message>
    <message>
        <source>Disturbance</source>
        <translation>Alteración del orden</translation>
    </message>
    <message>
        <source>Assault</source>
        <translation>Agresión</translation>
    </message>
    <message>
        <source>Domestic Disturbance</source>
        <translation>Disturbio doméstico</translation>
    </message>
    <message>
        <source>Overdose</source>
        <translation>Sobredosis</translation>
    </message>
    <message>
        <source>Burglary</source>
        <translation>Robo en vivienda</translation>
    </message>
    <message>
        <source>Traffic Accident</source>
        <translation>Accidente de tránsito</translation>
    </message>
    <message>
        <source>Shots Fired</source>
        <translation>Disparos</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>Crisis Call Diversion</source>
        <translation>Desvío de Llamadas de Crisis</translation>
    </message>
    <message>
        <source>Community Response Team</source>
        <translation>Equipo de Respuesta Comunitaria</translation>
    </message>
    <message>
        <source>Co-Response</source>
        <translation>Corespuesta</translation>
    </message>
    <message>
        <source>Care Navigation</source>
        <translation>Navegación de Cuidados</translation>
    </message>
    <message>
        <source>Police/EMS</source>
        <translation>Policía/EMS</translation>
    </message>
    <message>
        <source>weapon reported</source>
        <translation>se reporta un arma</translation>
    </message>
    <message>
        <source>violence toward others</source>
        <translation>violencia hacia otras personas</translation>
    </message>
    <message>
        <source>medical emergency (EMS first)</source>
        <translation>emergencia médica (primero EMS)</translation>
    </message>
    <message>
        <source>intoxication</source>
        <translation>intoxicación</translation>
    </message>
    <message>
        <source>minors present</source>
        <translation>hay menores presentes</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 suicide risk (C-SSRS)</source>
        <translation>riesgo de suicidio %1 (C-SSRS)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>unknown call type &quot;%1&quot;</source>
        <translation>tipo de llamada desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>does not take %1 calls</source>
        <translation>no atiende llamadas de tipo %1</translation>
    </message>
    <message>
        <source>only for calls with %1</source>
        <translation>solo para llamadas con %1</translation>
    </message>
    <message>
        <source>not operating under these rules (%1)</source>
        <translation>no funciona con estas reglas (%1)</translation>
    </message>
    <message>
        <source>location unknown: give a beat or coordinates</source>
        <translation>ubicación desconocida: indique un sector o coordenadas</translation>
    </message>
    <message>
        <source>outside every beat (%1, %2)</source>
        <translation>fuera de todos los sectores (%1, %2)</translation>
    </message>
    <message>
        <source>outside the service area (beat %1)</source>
        <translation>fuera del área de servicio (sector %1)</translation>
    </message>
    <message>
        <source>outside hours (%1 %2)</source>
        <translation>fuera de horario (%1 %2)</translation>
    </message>
    <message>
        <source>closed on the holiday %1</source>
        <translation>cerrado por el feriado %1</translation>
    </message>
    <message>
        <source>follows up only after a CCD or CRT contact</source>
        <translation>solo da seguimiento tras un contacto de CCD o CRT</translation>
    </message>
    <message>
        <source>, then </source>
        <translation>, luego </translation>
    </message>
    <message>
        <source>The clocks sprang forward at that time: judged at %1.</source>
        <translation>A esa hora se adelantaron los relojes: se evaluó a las %1.</translation>
    </message>
    <message>
        <source>That time happens twice on the night the clocks fall back; the hours are the same either way.</source>
        <translation>Esa hora ocurre dos veces la noche en que se atrasan los relojes; el horario es el mismo en ambos casos.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Preparing the demo database…</source>
        <translation>Preparando la base de datos de demostración…</translation>
    </message>
    <message>
        <source>HEART Desk demo</source>
        <translation>Demostración de HEART Desk</translation>
    </message>
    <message>
        <source>HEART Desk: the workplace of an alternative 911 crisis response program.</source>
        <translation>HEART Desk: el espacio de trabajo de un programa alternativo de respuesta a crisis del 911.</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>Open a fresh demo database with fictional people.</source>
        <translation>Abrir una base de datos de demostración nueva con personas ficticias.</translation>
    </message>
    <message>
        <source>Seed of the demo data (default 20220627).</source>
        <translation>Semilla de los datos de demostración (predeterminada: 20220627).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>Demo user to sign in as (default supervisor; &quot;none&quot; shows the sign-in screen).</source>
        <translation>Usuario de demostración con el que se inicia sesión (predeterminado: supervisor; &quot;none&quot; muestra la pantalla de inicio de sesión).</translation>
    </message>
    <message>
        <source>login</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>Language of the interface: en or es.</source>
        <translation>Idioma de la interfaz: en o es.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use en or es.</source>
        <translation>Idioma desconocido &quot;%1&quot;: use en o es.</translation>
    </message>
    <message>
        <source>--demo-seed needs a whole number.</source>
        <translation>--demo-seed requiere un número entero.</translation>
    </message>
    <message>
        <source>An SQLite file, or postgresql://user@host:port/db. The server password comes from HEARTDESK_DB_PASSWORD (or PGPASSWORD) or is asked for.</source>
        <translation>Un archivo SQLite, o postgresql://user@host:port/db. La contraseña del servidor se toma de HEARTDESK_DB_PASSWORD (o PGPASSWORD) o se pide al usuario.</translation>
    </message>
</context>
<context>
    <name>ViolationText</name>
    <message>
        <source>%1 works %2 shifts in week %3; the rotation has %4.</source>
        <translation>%1 trabaja %2 turnos en la semana %3; la rotación prevé %4.</translation>
    </message>
    <message>
        <source>%1 has %2 administrative hours in week %3 instead of %4 on one free day.</source>
        <translation>%1 tiene %2 horas administrativas en la semana %3 en lugar de %4 en un día libre.</translation>
    </message>
    <message>
        <source>%1 works %2 weekends in the cycle or two too close together; one in three is the rule.</source>
        <translation>%1 trabaja %2 fines de semana en el ciclo o dos demasiado seguidos; la regla es uno de cada tres.</translation>
    </message>
    <message>
        <source>%1 has no break of %2 days in a row (longest: %3).</source>
        <translation>%1 no tiene un descanso de %2 días seguidos (el más largo: %3).</translation>
    </message>
    <message>
        <source>%1 works the %2 shift on %3, but their fixed shift is %4.</source>
        <translation>%1 trabaja el turno %2 el %3, pero su turno fijo es %4.</translation>
    </message>
    <message>
        <source>%1 has an unknown shift &quot;%2&quot; on %3.</source>
        <translation>%1 tiene un turno desconocido &quot;%2&quot; el %3.</translation>
    </message>
    <message>
        <source>%1, %2 shift: %3 complete team(s), %4 needed (%5 clinician(s), %6 peer support/EMT).</source>
        <translation>%1, turno %2: %3 equipo(s) completo(s), se necesitan %4 (%5 clínico(s), %6 de apoyo entre pares/EMT).</translation>
    </message>
    <message>
        <source>No staff member may work the unknown shift &quot;%1&quot;.</source>
        <translation>Ningún miembro del personal puede trabajar el turno desconocido &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Needs %n more peer support specialist(s) or EMT(s) for %1 %2 shifts.</source>
        <translation>
            <numerusform>Necesita %n especialista de apoyo entre pares o EMT más para los turnos %2 del %1.</numerusform>
            <numerusform>Necesita %n especialistas de apoyo entre pares o EMT más para los turnos %2 del %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs %n more clinician(s) for %1 %2 shifts.</source>
        <translation>
            <numerusform>Necesita %n clínico más para los turnos %2 del %1.</numerusform>
            <numerusform>Necesita %n clínicos más para los turnos %2 del %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shift</source>
        <translation>turno %1</translation>
    </message>
    <message>
        <source>%1 shift (%2–%3)</source>
        <translation>turno %1 (%2–%3)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>administrative hours (%1 h)</source>
        <translation>horas administrativas (%1 h)</translation>
    </message>
</context>
<context>
    <name>heart::ui::CallListHome</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n llamada</numerusform>
            <numerusform>%n llamadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <source>Reload the list (F5)</source>
        <translation>Volver a cargar la lista (F5)</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>Cola de llamadas</translation>
    </message>
    <message>
        <source>Active behavioral-health calls in the 911 center, highest risk first, then oldest.</source>
        <translation>Llamadas activas de salud conductual en el centro de 911: primero las de mayor riesgo y luego las más antiguas.</translation>
    </message>
    <message>
        <source>Active calls</source>
        <translation>Llamadas activas</translation>
    </message>
    <message>
        <source>My unit&apos;s calls</source>
        <translation>Llamadas de mi unidad</translation>
    </message>
    <message>
        <source>Calls sent to Community Response and Co-Response units in the last 24 hours.</source>
        <translation>Llamadas enviadas a las unidades de Respuesta Comunitaria y de Corespuesta en las últimas 24 horas.</translation>
    </message>
    <message>
        <source>Unit calls</source>
        <translation>Llamadas de la unidad</translation>
    </message>
    <message>
        <source>Follow-up queue</source>
        <translation>Cola de seguimiento</translation>
    </message>
    <message>
        <source>Crisis Call Diversion and Community Response contacts of the last 48 hours: each is due a follow-up within 48 hours of the contact.</source>
        <translation>Contactos de Desvío de Llamadas de Crisis y de Respuesta Comunitaria de las últimas 48 horas: cada uno requiere un seguimiento dentro de las 48 horas posteriores al contacto.</translation>
    </message>
    <message>
        <source>Contacts due a follow-up</source>
        <translation>Contactos pendientes de seguimiento</translation>
    </message>
</context>
<context>
    <name>heart::ui::CallTableModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>CAD #</source>
        <translation>N.º CAD</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
</context>
<context>
    <name>heart::ui::CounselorHome</name>
    <message>
        <source>The routing rules could not be loaded, so calls cannot be taken here: %1</source>
        <translation>No se pudieron cargar las reglas de derivación, así que aquí no se pueden atender llamadas: %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Close the call&apos;s tab</source>
        <translation>Cerrar la pestaña de la llamada</translation>
    </message>
    <message>
        <source>This call has changes that are not saved as a call. Keep them as a draft and close the tab?</source>
        <translation>Esta llamada tiene cambios no guardados como llamada. ¿Conservarlos como borrador y cerrar la pestaña?</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Ctrl+N starts a call; Enter opens the selected one; Ctrl+W closes a call&apos;s tab.</source>
        <translation>Ctrl+N inicia una llamada; Intro abre la seleccionada; Ctrl+W cierra la pestaña de una llamada.</translation>
    </message>
    <message>
        <source>Team board</source>
        <translation>Tablero de equipos</translation>
    </message>
</context>
<context>
    <name>heart::ui::CoverageChart</name>
    <message>
        <source>Teams on duty</source>
        <translation>Equipos de servicio</translation>
    </message>
    <message>
        <source>Teams the calls need</source>
        <translation>Equipos que requieren las llamadas</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>equipos</translation>
    </message>
    <message>
        <source>Teams on duty against the teams the expected calls need, per hour of the week</source>
        <translation>Equipos de servicio frente a los equipos que requieren las llamadas previstas, por hora de la semana</translation>
    </message>
</context>
<context>
    <name>heart::ui::CoveragePage</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No shift reaches these hours: it takes a new or longer shift</source>
        <translation>Ningún turno cubre estas horas: hace falta un turno nuevo o más largo</translation>
    </message>
    <message>
        <source>%1 more clinician(s) and %2 more peer support/EMT</source>
        <translation>%1 clínico(s) más y %2 de apoyo entre pares/EMT más</translation>
    </message>
    <message numerus="yes">
        <source> (%n hour(s) of it outside every shift)</source>
        <translation>
            <numerusform> (%n hora fuera de todo turno)</numerusform>
            <numerusform> (%n horas fuera de todo turno)</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Teams short</source>
        <translation>Equipos que faltan</translation>
    </message>
    <message>
        <source>To close it</source>
        <translation>Para cubrirlo</translation>
    </message>
    <message>
        <source>Coverage against the calls of the last 8 weeks (or as far back as they go)</source>
        <translation>Cobertura frente a las llamadas de las últimas 8 semanas (o desde la primera registrada)</translation>
    </message>
</context>
<context>
    <name>heart::ui::CssrsPanel</name>
    <message>
        <source>Suicide risk screen (C-SSRS)</source>
        <translation>Evaluación de riesgo de suicidio (C-SSRS)</translation>
    </message>
    <message>
        <source>&amp;1. Wished to be dead or not wake up (past month)?</source>
        <translation>&amp;1. ¿Deseó estar muerto/a o no despertar (último mes)?</translation>
    </message>
    <message>
        <source>&amp;2. Actual thoughts of killing themselves?</source>
        <translation>&amp;2. ¿Pensamientos reales de quitarse la vida?</translation>
    </message>
    <message>
        <source>&amp;3. Thought about how they might do this?</source>
        <translation>&amp;3. ¿Pensó en cómo podría hacerlo?</translation>
    </message>
    <message>
        <source>&amp;4. Any intention of acting on these thoughts?</source>
        <translation>&amp;4. ¿Alguna intención de actuar según esos pensamientos?</translation>
    </message>
    <message>
        <source>&amp;5. Started to work out or worked out the details (a plan)?</source>
        <translation>&amp;5. ¿Empezó a planear o planeó los detalles (un plan)?</translation>
    </message>
    <message>
        <source>&amp;6. Ever done, started or prepared to do anything to end their life?</source>
        <translation>&amp;6. ¿Alguna vez hizo, empezó o se preparó para hacer algo para terminar con su vida?</translation>
    </message>
    <message>
        <source>– not asked –</source>
        <translation>– sin preguntar –</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>IMMINENT RISK: take immediate safety precautions; the person needs an in-person evaluation.</source>
        <translation>RIESGO INMINENTE: tome precauciones de seguridad de inmediato; la persona necesita una evaluación en persona.</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Riesgo: %1</translation>
    </message>
    <message>
        <source>Risk so far: %1 (screen not finished)</source>
        <translation>Riesgo hasta ahora: %1 (evaluación sin terminar)</translation>
    </message>
    <message>
        <source>6b. Was that within the past 3 months?</source>
        <translation>6b. ¿Fue en los últimos 3 meses?</translation>
    </message>
</context>
<context>
    <name>heart::ui::DashboardHome</name>
    <message>
        <source>Program dashboard — last 28 days</source>
        <translation>Panel del programa — últimos 28 días</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>llamadas</translation>
    </message>
    <message>
        <source>resolved by phone or 988</source>
        <translation>resueltas por teléfono o por el 988</translation>
    </message>
    <message>
        <source>unarmed or co-response teams sent</source>
        <translation>equipos no armados o de corespuesta enviados</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Calls by program</source>
        <translation>Llamadas por programa</translation>
    </message>
    <message>
        <source>Calls by program, last 28 days</source>
        <translation>Llamadas por programa, últimos 28 días</translation>
    </message>
</context>
<context>
    <name>heart::ui::FirstAdminPage</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Welcome to HEART Desk</source>
        <translation>Le damos la bienvenida a HEART Desk</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator: this account adds the other staff and assigns their roles. It cannot open anyone&apos;s records.</source>
        <translation>Esta base de datos aún no tiene cuentas. Cree la cuenta del primer administrador: con ella se agrega al resto del personal y se asignan sus roles. Esta cuenta no puede abrir los registros de nadie.</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Con&amp;firmar contraseña:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Create a&amp;dministrator</source>
        <translation>Crear a&amp;dministrador/a</translation>
    </message>
</context>
<context>
    <name>heart::ui::IntakeForm</name>
    <message>
        <source>&amp;CAD number:</source>
        <translation>Número &amp;CAD:</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Recibida:</translation>
    </message>
    <message>
        <source>Caller na&amp;me:</source>
        <translation>&amp;Nombre de quien llama:</translation>
    </message>
    <message>
        <source>Callback &amp;phone:</source>
        <translation>Telé&amp;fono de contacto:</translation>
    </message>
    <message>
        <source>Re&amp;lationship:</source>
        <translation>Re&amp;lación:</translation>
    </message>
    <message>
        <source>Person&apos;s &amp;name:</source>
        <translation>Nombre de la &amp;persona:</translation>
    </message>
    <message>
        <source>Approximate &amp;age:</source>
        <translation>&amp;Edad aproximada:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Find or link person… (Ctrl+F)</source>
        <translation>Buscar o vincular persona… (Ctrl+F)</translation>
    </message>
    <message>
        <source>History (Ctrl+H)</source>
        <translation>Historial (Ctrl+H)</translation>
    </message>
    <message>
        <source>Addre&amp;ss:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>La&amp;titude:</source>
        <translation>Latitud:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Longitud:</translation>
    </message>
    <message>
        <source>&amp;Beat:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <source>Call t&amp;ype:</source>
        <translation>&amp;Tipo de llamada:</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Señales:</translation>
    </message>
    <message>
        <source>&amp;Weapon reported</source>
        <translation>Se reporta un ar&amp;ma</translation>
    </message>
    <message>
        <source>Violence toward &amp;others</source>
        <translation>Violencia hacia &amp;otras personas</translation>
    </message>
    <message>
        <source>Medical &amp;emergency</source>
        <translation>Emer&amp;gencia médica</translation>
    </message>
    <message>
        <source>&amp;Intoxication</source>
        <translation>Into&amp;xicación</translation>
    </message>
    <message>
        <source>Minors present</source>
        <translation>Hay menores presentes</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Interpreter &amp;joined</source>
        <translation>&amp;Hubo intérprete</translation>
    </message>
    <message>
        <source>Narrative:</source>
        <translation>Relato:</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>Res&amp;ultado:</translation>
    </message>
    <message>
        <source>Reason (re&amp;quired against the recommendation):</source>
        <translation>Motivo (o&amp;bligatorio si no se sigue la recomendación):</translation>
    </message>
    <message>
        <source>&amp;Unit to send:</source>
        <translation>Unidad a enviar:</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Dispatch (Ctrl+D)</source>
        <translation>Despachar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Close call (Ctrl+E)</source>
        <translation>Cerrar llamada (Ctrl+E)</translation>
    </message>
    <message>
        <source>Addendum (Ctrl+Shift+A)</source>
        <translation>Adenda (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>e.g. (919) 555-0142</source>
        <translation>p. ej. (919) 555-0142</translation>
    </message>
    <message>
        <source>e.g. 35.9940</source>
        <translation>p. ej. 35.9940</translation>
    </message>
    <message>
        <source>e.g. -78.8986</source>
        <translation>p. ej. -78.8986</translation>
    </message>
    <message>
        <source>self</source>
        <translation>la misma persona</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>bystander</source>
        <translation>testigo</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>profesional</translation>
    </message>
    <message>
        <source>– not decided –</source>
        <translation>– sin decidir –</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Llamada nueva</translation>
    </message>
    <message>
        <source>New call %1</source>
        <translation>Llamada nueva %1</translation>
    </message>
    <message>
        <source>Call %1 (closed)</source>
        <translation>Llamada %1 (cerrada)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamada %1</translation>
    </message>
    <message>
        <source>Restored from the draft saved before the program stopped.</source>
        <translation>Restaurada del borrador guardado antes de que el programa se detuviera.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <source>Draft saved %1.</source>
        <translation>Borrador guardado %1.</translation>
    </message>
    <message>
        <source>The time received is in the future.</source>
        <translation>La hora de recepción está en el futuro.</translation>
    </message>
    <message>
        <source>The time received is more than 7 days ago.</source>
        <translation>La hora de recepción es de hace más de 7 días.</translation>
    </message>
    <message>
        <source>These coordinates are outside the world (latitude -90 to 90, longitude -180 to 180).</source>
        <translation>Estas coordenadas están fuera del mundo (latitud de -90 a 90, longitud de -180 a 180).</translation>
    </message>
    <message>
        <source>This phone number cannot be dialed (%1).</source>
        <translation>No se puede marcar este número de teléfono (%1).</translation>
    </message>
    <message>
        <source>A CAD number is 3 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Un número CAD tiene de 3 a 32 letras, dígitos, &apos;-&apos; o &apos;_&apos;.</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>escrito</translation>
    </message>
    <message>
        <source>beat %1 from the coordinates</source>
        <translation>sector %1 según las coordenadas</translation>
    </message>
    <message>
        <source>outside every beat</source>
        <translation>fuera de todos los sectores</translation>
    </message>
    <message>
        <source>Choose the call type to see which programs can answer.</source>
        <translation>Elija el tipo de llamada para ver qué programas pueden atenderla.</translation>
    </message>
    <message>
        <source>No rule set is in force on %1.</source>
        <translation>No hay reglas vigentes el %1.</translation>
    </message>
    <message>
        <source>Coordinates are decimal degrees, e.g. 35.9940 and -78.8986.</source>
        <translation>Las coordenadas van en grados decimales, p. ej. 35.9940 y -78.8986.</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Indique latitud y longitud, o ninguna.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a call type of the rules in force.</source>
        <translation>&quot;%1&quot; no es un tipo de llamada de las reglas vigentes.</translation>
    </message>
    <message>
        <source>This is not what the routing recommends: say why.</source>
        <translation>Esto no es lo que recomienda la derivación: explique por qué.</translation>
    </message>
    <message>
        <source>Choose the unit to send.</source>
        <translation>Elija la unidad que se envía.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>No se guardó: corrija los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>This CAD number belongs to another call.</source>
        <translation>Este número CAD pertenece a otra llamada.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Choose CRT or Co-Response dispatch as the disposition first.</source>
        <translation>Primero elija como resultado el despacho de CRT o de Corespuesta.</translation>
    </message>
    <message>
        <source>Not dispatched: %1</source>
        <translation>No se despachó: %1</translation>
    </message>
    <message>
        <source>%1 dispatched.</source>
        <translation>%1 despachada.</translation>
    </message>
    <message>
        <source>Record the disposition before closing the call.</source>
        <translation>Registre el resultado antes de cerrar la llamada.</translation>
    </message>
    <message>
        <source>Not closed: %1</source>
        <translation>No se cerró: %1</translation>
    </message>
    <message>
        <source>Call closed. Changes now go through an addendum (Ctrl+Shift+A).</source>
        <translation>Llamada cerrada. Los cambios ahora se hacen con una adenda (Ctrl+Mayús+A).</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Correction or addition to the closed call:</source>
        <translation>Corrección o añadido a la llamada cerrada:</translation>
    </message>
    <message>
        <source>Addendum not saved: %1</source>
        <translation>No se guardó la adenda: %1</translation>
    </message>
    <message>
        <source>Addendum saved.</source>
        <translation>Adenda guardada.</translation>
    </message>
    <message>
        <source>Linked: %1</source>
        <translation>Vinculada: %1</translation>
    </message>
</context>
<context>
    <name>heart::ui::MainWindow</name>
    <message>
        <source>Draft not saved</source>
        <translation>Borrador no guardado</translation>
    </message>
    <message>
        <source>The unsaved form could not be kept as a draft: %1</source>
        <translation>No se pudo conservar como borrador el formulario sin guardar: %1</translation>
    </message>
    <message>
        <source>Your unsaved work from the last session was restored.</source>
        <translation>Se restauró el trabajo sin guardar de su última sesión.</translation>
    </message>
    <message>
        <source>Role not changed</source>
        <translation>No se cambió el rol</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rol: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation>Archivo local: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connection lost: changes cannot be saved</source>
        <translation>Conexión perdida: no se pueden guardar los cambios</translation>
    </message>
    <message>
        <source>HEART Desk — %1</source>
        <translation>HEART Desk — %1</translation>
    </message>
    <message>
        <source>HEART Desk</source>
        <translation>HEART Desk</translation>
    </message>
    <message>
        <source>About HEART Desk</source>
        <translation>Acerca de HEART Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HEART Desk %1&lt;/h3&gt;&lt;p&gt;For alternative 911 crisis response programs: crisis call counselors, community response teams, care navigators and their supervisors.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HEART Desk %1&lt;/h3&gt;&lt;p&gt;Para programas alternativos de respuesta a crisis del 911: consejeros de llamadas de crisis, equipos de respuesta comunitaria, navegadores de cuidados y sus supervisores.&lt;/p&gt;&lt;p&gt;Publicado bajo la licencia Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Bloquear pantalla</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Home screen</source>
        <translation>&amp;Pantalla de inicio</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About HEART Desk</source>
        <translation>Acerca &amp;de HEART Desk</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock the screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sign out&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Home screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh the list on list screens&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This list of shortcuts&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+E / Ctrl+Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;English / Spanish&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Bloquear la pantalla&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cerrar sesión&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Salir&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Pantalla de inicio&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Actualizar la lista en las pantallas de listas&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Esta lista de atajos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+E / Ctrl+Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Inglés / Español&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>&amp;Turnos</translation>
    </message>
    <message>
        <source>Team &amp;board</source>
        <translation>Ta&amp;blero de equipos</translation>
    </message>
</context>
<context>
    <name>heart::ui::NewUserForm</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>Nueva cuenta de personal</translation>
    </message>
    <message>
        <source>User &amp;ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>Initial pass&amp;word:</source>
        <translation>&amp;Contraseña inicial:</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Agregar cuen&amp;ta</translation>
    </message>
    <message>
        <source>Confirm pa&amp;ssword:</source>
        <translation>Confirmar contra&amp;seña:</translation>
    </message>
</context>
<context>
    <name>heart::ui::PersonDialog</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Link to the call</source>
        <translation>&amp;Vincular a la llamada</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Nueva persona</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>Person in crisis</source>
        <translation>Persona en crisis</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>También conocida como</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Coincide en</translation>
    </message>
    <message>
        <source>Na&amp;me or alias:</source>
        <translation>No&amp;mbre o alias:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>Fecha de nac&amp;imiento:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type at least two letters of a name, a phone number or a date of birth.</source>
        <translation>Escriba al menos dos letras de un nombre, un teléfono o una fecha de nacimiento.</translation>
    </message>
    <message>
        <source>Nobody found. Create a new person with Alt+N.</source>
        <translation>No se encontró a nadie. Cree una persona nueva con Alt+N.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found. Enter links the selected one.</source>
        <translation>
            <numerusform>Se encontró %n persona. Intro vincula la seleccionada.</numerusform>
            <numerusform>Se encontraron %n personas. Intro vincula la seleccionada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the person&apos;s name first.</source>
        <translation>Primero escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>These people may be the same person: %1. Create a new record anyway?</source>
        <translation>Estas personas podrían ser la misma: %1. ¿Crear un registro nuevo de todos modos?</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historial: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Also known as: %2&lt;br&gt;Born: %3&lt;br&gt;%n earlier call(s). Encounters, safety plans and follow-ups appear here once they are recorded.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;También conocida como: %2&lt;br&gt;Nacimiento: %3&lt;br&gt;%n llamada anterior. Los encuentros, planes de seguridad y seguimientos aparecen aquí cuando se registren.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;También conocida como: %2&lt;br&gt;Nacimiento: %3&lt;br&gt;%n llamadas anteriores. Los encuentros, planes de seguridad y seguimientos aparecen aquí cuando se registren.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>CAD number</source>
        <translation>Número CAD</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterSidePanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1 shift&lt;/b&gt;: %n team(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Turno %1&lt;/b&gt;: %n equipo</numerusform>
            <numerusform>&lt;b&gt;Turno %1&lt;/b&gt;: %n equipos</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;Without a team:&lt;/i&gt; %1</source>
        <translation>&lt;i&gt;Sin equipo:&lt;/i&gt; %1</translation>
    </message>
    <message>
        <source>&lt;h4&gt;On duty now&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;De servicio ahora&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>Nobody: no shift is running.</source>
        <translation>Nadie: no hay ningún turno en curso.</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Selected&lt;/h4&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, fixed shift: %3&lt;br&gt;&lt;br&gt;%4:&lt;br&gt;%5</source>
        <translation>&lt;h4&gt;Selección&lt;/h4&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, turno fijo: %3&lt;br&gt;&lt;br&gt;%4:&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Space&lt;/b&gt; off → shift → admin → off&lt;br&gt;&lt;b&gt;Shift+F10&lt;/b&gt; any duty&lt;br&gt;&lt;b&gt;Ctrl+W&lt;/b&gt; swap with…&lt;br&gt;&lt;b&gt;Ctrl+Shift+↑/↓&lt;/b&gt; swap with neighbour</source>
        <translation>&lt;b&gt;Espacio&lt;/b&gt; libre → turno → admin. → libre&lt;br&gt;&lt;b&gt;Mayús+F10&lt;/b&gt; cualquier tarea&lt;br&gt;&lt;b&gt;Ctrl+W&lt;/b&gt; intercambiar con…&lt;br&gt;&lt;b&gt;Ctrl+Mayús+↑/↓&lt;/b&gt; intercambiar con el vecino</translation>
    </message>
    <message>
        <source>View only: a supervisor edits the rotation.</source>
        <translation>Solo lectura: la rotación la edita un supervisor.</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterTableModel</name>
    <message>
        <source>Clinician</source>
        <translation>Clínico/a</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Apoyo entre pares</translation>
    </message>
    <message>
        <source>EMT</source>
        <translation>EMT</translation>
    </message>
    <message>
        <source>A</source>
        <comment>administrative hours</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>administrative hours</source>
        <translation>horas administrativas</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>fin de semana</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2 · fixed shift: %3</source>
        <translation>%1 · %2 · turno fijo: %3</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <source>Week %1, %2</source>
        <translation>Semana %1, %2</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterWidget</name>
    <message>
        <source>Export the rotation</source>
        <translation>Exportar la rotación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Every rule holds.</source>
        <translation>Se cumplen todas las reglas.</translation>
    </message>
    <message>
        <source>No rotation yet: generate one.</source>
        <translation>Aún no hay rotación: genere una.</translation>
    </message>
    <message>
        <source>These rules need a rotation made by hand.</source>
        <translation>Estas reglas requieren una rotación hecha a mano.</translation>
    </message>
    <message numerus="yes">
        <source>No valid rotation for %n team(s) per shift: </source>
        <translation>
            <numerusform>No hay rotación válida para %n equipo por turno: </numerusform>
            <numerusform>No hay rotación válida para %n equipos por turno: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A new rotation with %n complete team(s) on every shift was saved.</source>
        <translation>
            <numerusform>Se guardó una nueva rotación con %n equipo completo en cada turno.</numerusform>
            <numerusform>Se guardó una nueva rotación con %n equipos completos en cada turno.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>Six-week rotation</source>
        <translation>Rotación de seis semanas</translation>
    </message>
    <message>
        <source>&amp;Teams per shift:</source>
        <translation>E&amp;quipos por turno:</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export calendar (.&amp;ics)…</source>
        <translation>Exportar calendario (.&amp;ics)…</translation>
    </message>
    <message>
        <source>%1 now works the %2 shift.</source>
        <translation>%1 trabaja ahora el turno %2.</translation>
    </message>
    <message>
        <source>Move the selected person to the next shift of the program</source>
        <translation>Pasar a la persona seleccionada al siguiente turno del programa</translation>
    </message>
    <message>
        <source>Change fi&amp;xed shift</source>
        <translation>Cambiar turno &amp;fijo</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2, then repeats · %n responder(s) · today is day %3 of week %4</source>
        <translation>
            <numerusform>%1 – %2, luego se repite · %n integrante · hoy es el día %3 de la semana %4</numerusform>
            <numerusform>%1 – %2, luego se repite · %n integrantes · hoy es el día %3 de la semana %4</numerusform>
        </translation>
    </message>
    <message>
        <source>No rotation yet: choose the teams per shift and generate one.</source>
        <translation>Aún no hay rotación: elija los equipos por turno y genere una.</translation>
    </message>
    <message>
        <source>No rotation yet.</source>
        <translation>Aún no hay rotación.</translation>
    </message>
    <message numerus="yes">
        <source>Rule chec&amp;k (%n problem(s))</source>
        <translation>
            <numerusform>Re&amp;visión de reglas (%n problema)</numerusform>
            <numerusform>Re&amp;visión de reglas (%n problemas)</numerusform>
        </translation>
    </message>
    <message>
        <source>The rotation was changed at another workstation meanwhile. It has been reloaded: please make your change again.</source>
        <translation>Otra estación de trabajo modificó la rotación mientras tanto. Se ha vuelto a cargar: haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>Everyone has the same duty that day: there is nothing to swap.</source>
        <translation>Todos tienen la misma tarea ese día: no hay nada que intercambiar.</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Libre</translation>
    </message>
    <message>
        <source>&amp;Administrative hours (%1 h)</source>
        <translation>Horas &amp;administrativas (%1 h)</translation>
    </message>
    <message>
        <source>&amp;Swap with…</source>
        <translation>&amp;Intercambiar con…</translation>
    </message>
    <message>
        <source>Swap with the person &amp;above</source>
        <translation>Intercambiar con la persona de a&amp;rriba</translation>
    </message>
    <message>
        <source>Swap with the person &amp;below</source>
        <translation>Intercambiar con la persona de a&amp;bajo</translation>
    </message>
    <message>
        <source>Generate rotation</source>
        <translation>Generar rotación</translation>
    </message>
    <message numerus="yes">
        <source>Replace the current rotation with a new one with %n complete team(s) on every shift? Changes made by hand are replaced too.</source>
        <translation>
            <numerusform>¿Reemplazar la rotación actual por una nueva con %n equipo completo en cada turno? También se reemplazan los cambios hechos a mano.</numerusform>
            <numerusform>¿Reemplazar la rotación actual por una nueva con %n equipos completos en cada turno? También se reemplazan los cambios hechos a mano.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the rotation as a calendar</source>
        <translation>Exportar la rotación como calendario</translation>
    </message>
    <message>
        <source>&amp;Generate rotation…</source>
        <translation>&amp;Generar rotación…</translation>
    </message>
    <message>
        <source>Build a rotation with this many complete teams on every shift</source>
        <translation>Crear una rotación con este número de equipos completos en cada turno</translation>
    </message>
    <message>
        <source>R&amp;otation</source>
        <translation>R&amp;otación</translation>
    </message>
    <message>
        <source>Cov&amp;erage</source>
        <translation>Cob&amp;ertura</translation>
    </message>
    <message>
        <source>Rotation: people by day</source>
        <translation>Rotación: personas por día</translation>
    </message>
    <message>
        <source>Space changes a day; Shift+F10 offers every duty; Ctrl+W swaps it with someone else&apos;s.</source>
        <translation>Espacio cambia un día; Mayús+F10 ofrece todas las tareas; Ctrl+W lo intercambia con el de otra persona.</translation>
    </message>
    <message>
        <source>View only.</source>
        <translation>Solo lectura.</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>Revisión de reglas</translation>
    </message>
</context>
<context>
    <name>heart::ui::RoutingPanel</name>
    <message>
        <source>Routing decision</source>
        <translation>Decisión de derivación</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Aún no hay decisión.</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recomendado: %1</translation>
    </message>
    <message>
        <source>beat %1</source>
        <translation>sector %1</translation>
    </message>
    <message>
        <source>beat %1 (from the coordinates)</source>
        <translation>sector %1 (según las coordenadas)</translation>
    </message>
    <message>
        <source>outside every beat</source>
        <translation>fuera de todos los sectores</translation>
    </message>
    <message>
        <source>location unknown</source>
        <translation>ubicación desconocida</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · rules: %4</source>
        <translation>%1 %2 · %3 · reglas: %4</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>elegible</translation>
    </message>
</context>
<context>
    <name>heart::ui::SignInPage</name>
    <message>
        <source>Enter your user ID.</source>
        <translation>Ingrese su ID de usuario.</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>Sign in to HEART Desk</source>
        <translation>Iniciar sesión en HEART Desk</translation>
    </message>
    <message>
        <source>%1, the screen was locked after a period of inactivity. Enter your password to continue where you left off.</source>
        <translation>%1, la pantalla se bloqueó tras un período de inactividad. Ingrese su contraseña para continuar donde se quedó.</translation>
    </message>
    <message>
        <source>Holistic Empathetic Assistance Response Teams</source>
        <translation>Equipos de Respuesta de Asistencia Holística y Empática</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Iniciar &amp;sesión</translation>
    </message>
    <message>
        <source>Sign in as &amp;another user</source>
        <translation>Iniciar sesión como &amp;otro usuario</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
<context>
    <name>heart::ui::SwapDutyDialog</name>
    <message>
        <source>Swap a day&apos;s duty</source>
        <translation>Intercambiar la tarea de un día</translation>
    </message>
    <message>
        <source>Swap the duty of &lt;b&gt;%1&lt;/b&gt; on %2 (%3) with:</source>
        <translation>Intercambiar la tarea de &lt;b&gt;%1&lt;/b&gt; el %2 (%3) con:</translation>
    </message>
    <message>
        <source>People to swap with</source>
        <translation>Personas con quienes intercambiar</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>That day</source>
        <translation>Ese día</translation>
    </message>
    <message>
        <source>After the swap</source>
        <translation>Tras el intercambio</translation>
    </message>
    <message>
        <source>every rule holds</source>
        <translation>se cumplen todas las reglas</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the rule check</source>
        <translation>
            <numerusform>%n problema en la revisión de reglas</numerusform>
            <numerusform>%n problemas en la revisión de reglas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Swap</source>
        <translation>&amp;Intercambiar</translation>
    </message>
</context>
<context>
    <name>heart::ui::TeamBoard</name>
    <message>
        <source>Team board</source>
        <translation>Tablero de equipos</translation>
    </message>
    <message>
        <source>Units and their status</source>
        <translation>Unidades y su estado</translation>
    </message>
</context>
<context>
    <name>heart::ui::TeamLeadHome</name>
    <message>
        <source>%1 cannot follow %2.</source>
        <translation>%1 no puede seguir a %2.</translation>
    </message>
    <message>
        <source>My unit</source>
        <translation>Mi unidad</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>You are not on a unit this shift.</source>
        <translation>No está en ninguna unidad en este turno.</translation>
    </message>
    <message>
        <source>%1 · %2 for %3</source>
        <translation>%1 · %2 desde hace %3</translation>
    </message>
    <message>
        <source>No call assigned.</source>
        <translation>Sin llamada asignada.</translation>
    </message>
    <message>
        <source>Dispatch to arrival: %1</source>
        <translation>Del despacho a la llegada: %1</translation>
    </message>
    <message>
        <source>On scene: %1</source>
        <translation>En el lugar: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Call %1&lt;/b&gt; · %2 · risk: %3&lt;br&gt;%4 (beat %5)&lt;br&gt;Person: %6 %7&lt;br&gt;Flags: %8&lt;br&gt;%9</source>
        <translation>&lt;b&gt;Llamada %1&lt;/b&gt; · %2 · riesgo: %3&lt;br&gt;%4 (sector %5)&lt;br&gt;Persona: %6 %7&lt;br&gt;Señales: %8&lt;br&gt;%9</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>(about %1)</source>
        <translation>(unos %1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
</context>
<context>
    <name>heart::ui::UnitBoardModel</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En camino</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>En el lugar</translation>
    </message>
    <message>
        <source>Transporting</source>
        <translation>Trasladando</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Libre de la llamada</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Desde hace</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>On the unit</source>
        <translation>En la unidad</translation>
    </message>
</context>
<context>
    <name>heart::ui::UserAdminWidget</name>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Bloqueada hasta las %1</translation>
    </message>
    <message>
        <source>&amp;Deactivate account</source>
        <translation>&amp;Desactivar cuenta</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Se agregó la cuenta %1.</translation>
    </message>
    <message>
        <source>Roles of %1 saved.</source>
        <translation>Se guardaron los roles de %1.</translation>
    </message>
    <message>
        <source>Password of %1 reset; any lock is lifted.</source>
        <translation>Se restableció la contraseña de %1 y se quitó cualquier bloqueo.</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Se reactivó la cuenta %1.</translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation>Se desactivó la cuenta %1.</translation>
    </message>
    <message>
        <source>Settings saved. The new idle time applies at the next sign-in.</source>
        <translation>Configuración guardada. El nuevo tiempo de inactividad se aplicará a partir del próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>Staff accounts and settings</source>
        <translation>Cuentas del personal y configuración</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Cuenta seleccionada</translation>
    </message>
    <message>
        <source>Save &amp;roles</source>
        <translation>Guardar r&amp;oles</translation>
    </message>
    <message>
        <source>R&amp;eset password</source>
        <translation>R&amp;establecer contraseña</translation>
    </message>
    <message>
        <source>Program settings</source>
        <translation>Configuración del programa</translation>
    </message>
    <message>
        <source>&amp;Lock after idle minutes:</source>
        <translation>Minutos de inactividad antes de &amp;bloquear:</translation>
    </message>
    <message>
        <source>Save se&amp;ttings</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate account</source>
        <translation>&amp;Reactivar cuenta</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>N&amp;ueva contraseña:</translation>
    </message>
</context>
</TS>
