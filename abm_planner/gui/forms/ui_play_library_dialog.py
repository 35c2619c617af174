# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'play_library_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_PlayLibraryDialog(object):
    def setupUi(self, PlayLibraryDialog):
        if not PlayLibraryDialog.objectName():
            PlayLibraryDialog.setObjectName(u"PlayLibraryDialog")
        PlayLibraryDialog.resize(900, 680)
        self.mainLayout = QVBoxLayout(PlayLibraryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.listLayout = QVBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.templateList = QListWidget(PlayLibraryDialog)
        self.templateList.setObjectName(u"templateList")
        self.templateList.setMinimumSize(QSize(240, 0))

        self.listLayout.addWidget(self.templateList)

        self.listButtonsLayout = QHBoxLayout()
        self.listButtonsLayout.setObjectName(u"listButtonsLayout")
        self.addButton = QPushButton(PlayLibraryDialog)
        self.addButton.setObjectName(u"addButton")

        self.listButtonsLayout.addWidget(self.addButton)

        self.deleteButton = QPushButton(PlayLibraryDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtonsLayout.addWidget(self.deleteButton)


        self.listLayout.addLayout(self.listButtonsLayout)


        self.bodyLayout.addLayout(self.listLayout)

        self.editorLayout = QVBoxLayout()
        self.editorLayout.setObjectName(u"editorLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(PlayLibraryDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PlayLibraryDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.typeLabel = QLabel(PlayLibraryDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(PlayLibraryDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.leadLabel = QLabel(PlayLibraryDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadCombo = QComboBox(PlayLibraryDialog)
        self.leadCombo.setObjectName(u"leadCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.touchesLabel = QLabel(PlayLibraryDialog)
        self.touchesLabel.setObjectName(u"touchesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.touchesLabel)

        self.touchesSpin = QSpinBox(PlayLibraryDialog)
        self.touchesSpin.setObjectName(u"touchesSpin")
        self.touchesSpin.setMaximum(999)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.touchesSpin)

        self.durationLabel = QLabel(PlayLibraryDialog)
        self.durationLabel.setObjectName(u"durationLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.durationLabel)

        self.durationSpin = QSpinBox(PlayLibraryDialog)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(1)
        self.durationSpin.setMaximum(1098)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.durationSpin)

        self.costLabel = QLabel(PlayLibraryDialog)
        self.costLabel.setObjectName(u"costLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.costLabel)

        self.costEdit = QLineEdit(PlayLibraryDialog)
        self.costEdit.setObjectName(u"costEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.costEdit)

        self.triggerLabel = QLabel(PlayLibraryDialog)
        self.triggerLabel.setObjectName(u"triggerLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.triggerLabel)

        self.triggerEdit = QPlainTextEdit(PlayLibraryDialog)
        self.triggerEdit.setObjectName(u"triggerEdit")
        self.triggerEdit.setMaximumSize(QSize(16777215, 60))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.triggerEdit)

        self.stepsLabel = QLabel(PlayLibraryDialog)
        self.stepsLabel.setObjectName(u"stepsLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.stepsLabel)

        self.stepsEdit = QPlainTextEdit(PlayLibraryDialog)
        self.stepsEdit.setObjectName(u"stepsEdit")
        self.stepsEdit.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.stepsEdit)

        self.successLabel = QLabel(PlayLibraryDialog)
        self.successLabel.setObjectName(u"successLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.successLabel)

        self.successEdit = QPlainTextEdit(PlayLibraryDialog)
        self.successEdit.setObjectName(u"successEdit")
        self.successEdit.setMaximumSize(QSize(16777215, 60))

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.successEdit)

        self.descriptionLabel = QLabel(PlayLibraryDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(PlayLibraryDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 60))

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.editorLayout.addLayout(self.formLayout)

        self.fitLayout = QHBoxLayout()
        self.fitLayout.setObjectName(u"fitLayout")
        self.stagesLayout = QVBoxLayout()
        self.stagesLayout.setObjectName(u"stagesLayout")
        self.stagesLabel = QLabel(PlayLibraryDialog)
        self.stagesLabel.setObjectName(u"stagesLabel")

        self.stagesLayout.addWidget(self.stagesLabel)

        self.stagesList = QListWidget(PlayLibraryDialog)
        self.stagesList.setObjectName(u"stagesList")
        self.stagesList.setMaximumSize(QSize(16777215, 150))

        self.stagesLayout.addWidget(self.stagesList)


        self.fitLayout.addLayout(self.stagesLayout)

        self.rolesLayout = QVBoxLayout()
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.rolesLabel = QLabel(PlayLibraryDialog)
        self.rolesLabel.setObjectName(u"rolesLabel")

        self.rolesLayout.addWidget(self.rolesLabel)

        self.rolesList = QListWidget(PlayLibraryDialog)
        self.rolesList.setObjectName(u"rolesList")
        self.rolesList.setMaximumSize(QSize(16777215, 150))

        self.rolesLayout.addWidget(self.rolesList)


        self.fitLayout.addLayout(self.rolesLayout)


        self.editorLayout.addLayout(self.fitLayout)

        self.usesLabel = QLabel(PlayLibraryDialog)
        self.usesLabel.setObjectName(u"usesLabel")
        self.usesLabel.setWordWrap(True)
        self.usesLabel.setText(u"")

        self.editorLayout.addWidget(self.usesLabel)

        self.errorLabel = QLabel(PlayLibraryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.editorLayout.addWidget(self.errorLabel)

        self.editButtonsLayout = QHBoxLayout()
        self.editButtonsLayout.setObjectName(u"editButtonsLayout")
        self.editButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editButtonsLayout.addItem(self.editButtonsSpacer)

        self.revertButton = QPushButton(PlayLibraryDialog)
        self.revertButton.setObjectName(u"revertButton")

        self.editButtonsLayout.addWidget(self.revertButton)

        self.applyButton = QPushButton(PlayLibraryDialog)
        self.applyButton.setObjectName(u"applyButton")

        self.editButtonsLayout.addWidget(self.applyButton)


        self.editorLayout.addLayout(self.editButtonsLayout)


        self.bodyLayout.addLayout(self.editorLayout)


        self.mainLayout.addLayout(self.bodyLayout)

        self.buttonBox = QDialogButtonBox(PlayLibraryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.leadLabel.setBuddy(self.leadCombo)
        self.touchesLabel.setBuddy(self.touchesSpin)
        self.durationLabel.setBuddy(self.durationSpin)
        self.costLabel.setBuddy(self.costEdit)
        self.triggerLabel.setBuddy(self.triggerEdit)
        self.stepsLabel.setBuddy(self.stepsEdit)
        self.successLabel.setBuddy(self.successEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.stagesLabel.setBuddy(self.stagesList)
        self.rolesLabel.setBuddy(self.rolesList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlayLibraryDialog)
        self.buttonBox.rejected.connect(PlayLibraryDialog.reject)

        QMetaObject.connectSlotsByName(PlayLibraryDialog)
    # setupUi

    def retranslateUi(self, PlayLibraryDialog):
        PlayLibraryDialog.setWindowTitle(QCoreApplication.translate("PlayLibraryDialog", u"Play library", None))
#if QT_CONFIG(accessibility)
        self.templateList.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Plays in the library", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("PlayLibraryDialog", u"A&dd play", None))
        self.deleteButton.setText(QCoreApplication.translate("PlayLibraryDialog", u"De&lete play", None))
        self.nameLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Play name", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"&Type:", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Play type", None))
#endif // QT_CONFIG(accessibility)
        self.leadLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"&Lead:", None))
#if QT_CONFIG(accessibility)
        self.leadCombo.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Lead function", None))
#endif // QT_CONFIG(accessibility)
        self.touchesLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"Typical tou&ches:", None))
#if QT_CONFIG(accessibility)
        self.touchesSpin.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Typical touches", None))
#endif // QT_CONFIG(accessibility)
        self.durationLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"D&uration:", None))
#if QT_CONFIG(accessibility)
        self.durationSpin.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Duration in days", None))
#endif // QT_CONFIG(accessibility)
        self.durationSpin.setSuffix(QCoreApplication.translate("PlayLibraryDialog", u" days", None))
        self.costLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"C&ost:", None))
#if QT_CONFIG(accessibility)
        self.costEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Cost", None))
#endif // QT_CONFIG(accessibility)
        self.triggerLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"T&rigger:", None))
#if QT_CONFIG(accessibility)
        self.triggerEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Trigger", None))
#endif // QT_CONFIG(accessibility)
        self.stepsLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"&Steps:", None))
#if QT_CONFIG(accessibility)
        self.stepsEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Steps, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.successLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"Success c&riteria:", None))
#if QT_CONFIG(accessibility)
        self.successEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Success criteria", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"Descr&iption:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Description", None))
#endif // QT_CONFIG(accessibility)
        self.stagesLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"Suits &journey stages:", None))
#if QT_CONFIG(accessibility)
        self.stagesList.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Journey stages", None))
#endif // QT_CONFIG(accessibility)
        self.rolesLabel.setText(QCoreApplication.translate("PlayLibraryDialog", u"T&arget roles:", None))
#if QT_CONFIG(accessibility)
        self.rolesList.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Target roles", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PlayLibraryDialog", u"Problem with the entered values", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("PlayLibraryDialog", u"Re&vert", None))
        self.applyButton.setText(QCoreApplication.translate("PlayLibraryDialog", u"A&pply changes", None))
    # retranslateUi

