# language: fr
@patient
Fonctionnalité: Le Dossier de Soins Partagé (DSP)
  Quick guide patient, pages 17 et 19 : « L'espace « Mes services eSanté » vous donne accès aux
  différents services disponibles et notamment à votre DSP », et le DSP tel que la capture le
  montre : onglets, derniers documents, dépôt, Cercle Médical de Confiance, Assistants.

  @p17 @PAT-17-02 @p19 @PAT-19-04 @PAT-19-05 @PAT-19-06 @PAT-19-07 @PAT-19-08 @PAT-19-09
  Scénario: Le patient ouvre son DSP depuis « Mes services eSanté »
    Étant donné un patient connecté dont le DSP contient 3 documents et 2 professionnels de confiance
    Quand il clique sur « Dossier de Soins Partagé (DSP) »
    Alors son DSP s'affiche avec son nom, son âge et sa date de naissance
    Et le DSP propose les onglets « Synthèse », « Ligne de vie », « Vue documentaire » et « Traçabilité »
    Et « Mes derniers documents » liste ses 3 documents avec leur date, leur titre et leur auteur
    Et le « Cercle Médical de Confiance » liste ses 2 professionnels avec « Plus de détails »
    Et le tableau « Assistants » indique « Aucune donnée disponible dans le tableau »
    Et « Déposer un document » est proposé

  @p19 @PAT-19-08
  Scénario: Le patient dépose un document, qui est listé, téléchargeable et tracé
    Étant donné un patient connecté à son DSP
    Quand il dépose le document PDF « Bilan sanguin de contrôle »
    Alors « Bilan sanguin de contrôle » figure dans « Mes derniers documents »
    Et il peut télécharger « Bilan sanguin de contrôle » en document PDF
    Et la « Traçabilité » indique qu'il a déposé « Bilan sanguin de contrôle »

  @p19 @PAT-19-08 @refus @reference
  Scénario: Un fichier qui n'est ni un PDF ni une image est refusé
    Étant donné un patient connecté à son DSP
    Quand il dépose un fichier texte « notes.txt » comme « Notes personnelles »
    Alors un message d'erreur concerne le champ « Document »
    Et « Notes personnelles » ne figure pas dans « Mes derniers documents »
